/**
 * Where an adapter's sink reports a send problem people must know of (an urgent message that could
 * not reach someone …): to the duty office's chat, once per problem key, or nowhere when the org
 * file names no duty chat.
 */
import type { BotServices } from "../../core/services.ts";

export type ProblemReport = (text: string, key: string) => Promise<void>;

export function reportToDutyOffice(services: BotServices, platform: string): ProblemReport {
  const dutyChatId = services.directory.dutyChatId();
  return async (text, key) => {
    if (dutyChatId)
      await services.messenger.send({
        chatId: dutyChatId,
        text,
        idempotencyKey: `${platform}-problem-${key}`,
      });
  };
}
