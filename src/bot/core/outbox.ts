/**
 * Sends for one piece of work (an inbound event or a fired job) with idempotency keys derived from
 * that work's id, so handling the same work again can never post the same message twice.
 */
import type { Card, OutboundFile, OutboundMessage, UrgentChannel } from "./message.ts";
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
  /** Stored files sent after the text or card (see OutboundMessage.files). */
  files?: OutboundFile[];
}

/**
 * How one send is keyed. By default a send is numbered in the order of its work (`<work>-1`,
 * `<work>-2`, …), which is the same however often the work runs as long as it says the same
 * things; `key` names it instead (`<work>-<key>`), for a message that handling the work again may
 * send without the ones before it (a dialog's question on a redelivered event).
 */
export interface SendOptions {
  key?: string;
}

export class Outbox {
  private sequence = 0;

  constructor(
    private readonly messenger: Messenger,
    /** The id of the work these sends belong to, e.g. `console-42` or `dialog-…-idle-…`. */
    private readonly workId: string,
  ) {}

  async send(chatId: string, say: Say, options: SendOptions = {}): Promise<void> {
    const idempotencyKey = options.key ? `${this.workId}-${options.key}` : this.nextKey();
    const message: OutboundMessage = { chatId, ...say, idempotencyKey };
    await this.messenger.send(message);
  }

  private nextKey(): string {
    this.sequence += 1;
    return `${this.workId}-${this.sequence}`;
  }
}
