/**
 * Sends for one piece of work (an inbound event or a fired job) with idempotency keys derived from
 * that work's id, so handling the same work again can never post the same message twice.
 */
import type { Card, OutboundMessage, UrgentChannel } from "./message.ts";
import type { Messenger } from "./ports.ts";

/** What a handler says; the outbox adds the chat and the idempotency key. */
export interface Say {
  text?: string;
  card?: Card;
  mentions?: string[];
  urgentTo?: string[];
  /** Paid urgent channels (SMS, phone) where the platform has them; the policy decides. */
  urgentChannels?: UrgentChannel[];
  /** The idempotency key of an earlier card this one replaces in place (see OutboundMessage.updateOf). */
  updateOf?: string;
  /** Only for platforms that show forms (see OutboundMessage.formOnly). */
  formOnly?: boolean;
}

export class Outbox {
  private sequence = 0;

  constructor(
    private readonly messenger: Messenger,
    /** The id of the work these sends belong to, e.g. `console-42` or `dialog-…-idle-…`. */
    private readonly workId: string,
  ) {}

  async send(chatId: string, say: Say): Promise<void> {
    this.sequence += 1;
    const message: OutboundMessage = { chatId, ...say, idempotencyKey: `${this.workId}-${this.sequence}` };
    await this.messenger.send(message);
  }
}
