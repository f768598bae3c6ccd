/**
 * A platform's delivery end: the send queue hands each outbound message to every sink that serves
 * the chat. A sink must treat `idempotencyKey` as "post at most once" (a retry may deliver again).
 */
import type { OutboundMessage } from "./message.ts";

export interface MessageSink {
  /** Short name used in job ids and logs: `console`, `feishu`, `wechat`. */
  readonly name: string;
  serves(chatId: string): boolean;
  /** The platform shows form cards; `formOnly` messages go only to sinks that do. */
  readonly showsForms?: boolean;
  deliver(message: OutboundMessage): Promise<void>;
}

/** A delivery error that retrying cannot fix (the chat does not exist on the platform, say). */
export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
}
