/**
 * A person says something in the console of `app`, and that app's own pipeline handles it, as if
 * its worker had taken the queued job. Apps on one queue prefix share the console's inbound queue,
 * so through `app.inbox.say` either app's worker may handle it; tests where two apps play two
 * processes, and which one handles an event matters, say it through this.
 */
import type { App } from "../../src/app/create-app.ts";
import type { ConsoleMessageDto } from "../../src/bot/adapters/console/console-message.ts";
import type { InboundOutcome } from "../../src/bot/core/pipeline.ts";

export async function sayHandledBy(
  app: App,
  chat: string,
  sender: string,
  text: string,
  eventId?: string,
): Promise<{ message: ConsoleMessageDto; outcome: InboundOutcome }> {
  const { message, event } = await app.inbox.accept(chat, sender, text, eventId);
  return { message, outcome: await app.pipeline.handle(event) };
}
