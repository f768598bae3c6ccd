/**
 * DING for a sent message: in-app for the people concerned, plus SMS/phone when the message asks
 * for them (the policy decides; they spend the tenant's quota). A failure is logged and reported to
 * the duty officer, never undoing or blocking the message itself.
 */
import type { Logger } from "pino";
import type { Directory } from "../../../core/directory.ts";
import type { OutboundMessage, UrgentChannel } from "../../../core/message.ts";
import type { DingtalkApi, InSlot } from "../client/dingtalk-api.ts";
import type { DingtalkIdentity } from "../dingtalk-identity.ts";
import { dingtalkTexts as T } from "../dingtalk-texts.ts";

export interface DingDeps {
  api: Pick<DingtalkApi, "ding">;
  /** A slot under the app's limit (DING reaches people, not a chat). */
  inSlot: InSlot;
  identity: DingtalkIdentity;
  directory: Directory;
  log: Logger;
  report: (text: string, key: string) => Promise<void>;
}

/** DING content: what the message says, in short. */
export function dingContent(message: OutboundMessage): string {
  const text = message.card ? message.card.title : (message.text ?? "");
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export async function sendDing(deps: DingDeps, message: OutboundMessage): Promise<void> {
  const { identity, directory, log } = deps;
  const people = message.urgentTo ?? [];
  const withAccount = people.filter((id) => identity.userIdOf(id));
  const problems: { names: string[]; reason: string }[] = [];
  const noAccount = people.filter((id) => !identity.userIdOf(id));
  if (noAccount.length > 0) problems.push({ names: noAccount, reason: T.noAccount });
  const channels: UrgentChannel[] = ["app", ...(message.urgentChannels ?? []).filter((c) => c !== "app")];
  if (withAccount.length > 0)
    for (const channel of channels) {
      try {
        await deps.api.ding(
          channel,
          withAccount.map((id) => identity.userIdOf(id) as string),
          dingContent(message),
          deps.inSlot,
        );
      } catch (error) {
        log.warn({ err: error, channel }, "dingtalk DING failed");
        problems.push({
          names: withAccount,
          reason: T.dingFailed(T.dingChannel[channel], (error as Error).message.slice(0, 80)),
        });
      }
    }
  for (const [index, problem] of problems.entries()) {
    const names = problem.names.map((id) => directory.personName(id)).join("、");
    log.warn({ chat: message.chatId, people: problem.names, reason: problem.reason }, "DING not delivered");
    await deps
      .report(
        T.urgentFailed(directory.chatName(message.chatId), names, problem.reason),
        `${message.idempotencyKey}-${index}`,
      )
      .catch((error) => log.error({ err: error }, "could not report the DING failure"));
  }
}
