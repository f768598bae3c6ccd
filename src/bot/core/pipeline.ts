/**
 * The inbound path every adapter feeds: one conversation (chat + person) at a time, others in
 * parallel → is the event already handled? → identify the person and chat → router → record it
 * handled. "One at a time" holds within the process (in arrival order) and, given a
 * {@link ConversationLock}, across every process sharing the database.
 *
 * The dedupe question is asked inside the conversation's turn and only the end of a handling is
 * recorded (see {@link EventDedupe}): a redelivery waits for a handling still running and is then
 * dropped, while a redelivery after a handling that died (kill -9, a throw) is handled. Nothing
 * marks an event before its turn, so a process killed with a burst of one person's events queued
 * behind each other leaves nothing that would make the redeliveries look handled.
 */
import type { Logger } from "pino";
import { ConversationContext } from "./context.ts";
import type { ConversationLock } from "./conversation-lock.ts";
import type { EventDedupe } from "./dedupe.ts";
import { KeyedSerial } from "./keyed-serial.ts";
import { type InboundEvent, isSaidToBot } from "./message.ts";
import { Outbox } from "./outbox.ts";
import { coreReplies } from "./replies.ts";
import type { Router } from "./router.ts";
import type { BotServices } from "./services.ts";
import { normalizeText, stripBotMention } from "./text.ts";
import type { UnboundEvent } from "./unbound.ts";

export type InboundOutcome = "handled" | "duplicate" | "unknown-sender" | "unknown-chat" | "failed";

export class InboundPipeline {
  private readonly serial = new KeyedSerial();

  constructor(
    private readonly services: BotServices,
    private readonly router: Router,
    private readonly dedupe: EventDedupe,
    /** Across processes; absent when this process is the only one using the database. */
    private readonly lock?: ConversationLock,
  ) {}

  async handle(event: InboundEvent): Promise<InboundOutcome> {
    const log = this.services.log.child({
      platform: event.platform,
      event: event.eventId,
      chat: event.chatId,
      person: event.senderId,
    });
    const { directory } = this.services;
    const person = event.senderId ? directory.person(event.senderId) : undefined;
    const chat = directory.chat(event.chatId);
    if (!person || !chat) {
      // No conversation to wait for: the only effect is a notice keyed by the event id.
      if (await this.dedupe.handled(event.platform, event.eventId)) return this.duplicate(log);
      if (!person) {
        log.warn({ senderName: event.senderName }, "message from someone not in the org file");
        const addressed = isSaidToBot(event) || Boolean(event.action);
        if (addressed)
          await this.outbox(event).send(event.chatId, { text: coreReplies.unknownSender(directory.botName) });
      } else log.warn("message in a chat not in the org file");
      await this.dedupe.done(event.platform, event.eventId);
      return person ? "unknown-chat" : "unknown-sender";
    }
    const conversation = `${chat.id}|${person.id}`;
    return this.serial.run(conversation, async () => {
      const text = stripBotMention(normalizeText(event.text), directory.botName);
      const ctx = new ConversationContext(
        { ...this.services, log },
        event,
        person,
        chat,
        text,
        this.router.dialogs,
        this.router.events,
      );
      const turn = () => this.turn(ctx, log);
      try {
        return await (this.lock ? this.lock.run(conversation, turn) : turn());
      } catch (error) {
        log.error({ err: error }, "handling failed");
        // Named, not numbered: the event handled again numbers its own replies from 1 again, and
        // the send queue would drop an answer whose key this notice had taken.
        await ctx
          .reply(coreReplies.failed, { key: "failed" })
          .catch((sendError) => log.error({ err: sendError }, "could not say so"));
        return "failed" as const;
      }
    });
  }

  /**
   * Someone spoke in a chat or from an account the org file does not know: no conversation to wait
   * for, only answers keyed by the event id and a binding that can be made again; the capability
   * that registered for it decides. A failure is thrown, so the platform retries the event.
   */
  async handleUnbound(event: UnboundEvent): Promise<InboundOutcome> {
    const log = this.services.log.child({
      platform: event.platform,
      event: event.eventId,
      unbound: event.unknown,
    });
    if (await this.dedupe.handled(event.platform, event.eventId)) return this.duplicate(log);
    await this.router.unbound?.run({ ...this.services, log }, event);
    await this.dedupe.done(event.platform, event.eventId);
    return event.unknown === "chat" ? "unknown-chat" : "unknown-sender";
  }

  /** Resolves when every event taken so far has been handled. */
  idle(): Promise<void> {
    return this.serial.idle();
  }

  /** The conversation's turn: no other handling of it runs in this process or (locked) any other. */
  private async turn(ctx: ConversationContext, log: Logger): Promise<InboundOutcome> {
    const { platform, eventId } = ctx.event;
    if (await this.dedupe.handled(platform, eventId)) return this.duplicate(log);
    await this.router.route(ctx);
    await this.dedupe.done(platform, eventId);
    return "handled";
  }

  private duplicate(log: Logger): "duplicate" {
    log.info("duplicate event dropped");
    return "duplicate";
  }

  private outbox(event: InboundEvent): Outbox {
    return new Outbox(this.services.messenger, eventKey(event));
  }
}

/** The work id an event's sends are keyed from (as in {@link ConversationContext}). */
function eventKey(event: InboundEvent): string {
  return `${event.platform}-${event.eventId}`;
}
