/**
 * Which console event a reply answers, read from the reply's idempotency key (src/bot/core/outbox.ts):
 * `console-<event>-<n>` for numbered replies, `console-<event>-<name>` for named ones (a dialog's
 * question is `-dialog-prompt`, a failure notice `-failed`). Undefined for any other key.
 */
import { CONSOLE_PLATFORM } from "../src/bot/adapters/console/console-decode.ts";

const PREFIX = `${CONSOLE_PLATFORM}-`;

export function consoleEventOfReply(idempotencyKey: string): string | undefined {
  if (!idempotencyKey.startsWith(PREFIX)) return undefined;
  return idempotencyKey.slice(PREFIX.length).replace(/-(\d+|dialog-prompt|failed)$/, "");
}
