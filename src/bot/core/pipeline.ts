/**
 * The inbound path every adapter feeds: dedupe on the platform's event id → one conversation at a
 * time (chat + person), others in parallel → identify the person and chat → router. "One at a
 * time" holds within the process (in arrival order) and, given a {@link ConversationLock}, across
 * every process sharing the database.
 */
import { ConversationContext } from "./context.ts";
import type { ConversationLock } from "./conversation-lock.ts";
import type { EventDedupe } from "./dedupe.ts";
import { KeyedSerial } from "./keyed-serial.ts";
import { type InboundEvent, isDirectChat } from "./message.ts";
import { Outbox } from "./outbox.ts";
import { coreReplies } from "./replies.ts";
import type { Router } from "./router.ts";
import type { BotServices } from "./services.ts";
import { normalizeText, stripBotMention } from "./text.ts";

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
    if (!(await this.dedupe.claim(event.platform, event.eventId))) {
      log.info("duplicate event dropped");
      return "duplicate";
    }
    const { directory } = this.services;
    const person = event.senderId ? directory.person(event.senderId) : undefined;
    const addressed = isDirectChat(event.chatId) || event.mentions.includes("bot") || Boolean(event.action);
    if (!person) {
      log.warn({ senderName: event.senderName }, "message from someone not in the org file");
      if (addressed)
        await this.outbox(event).send(event.chatId, { text: coreReplies.unknownSender(directory.botName) });
      await this.dedupe.done(event.platform, event.eventId);
      return "unknown-sender";
    }
    const chat = directory.chat(event.chatId);
    if (!chat) {
      log.warn("message in a chat not in the org file");
      await this.dedupe.done(event.platform, event.eventId);
      return "unknown-chat";
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
      );
      try {
        if (this.lock) await this.lock.run(conversation, () => this.router.route(ctx));
        else await this.router.route(ctx);
        await this.dedupe.done(event.platform, event.eventId);
        return "handled" as const;
      } catch (error) {
        log.error({ err: error }, "handling failed");
        await this.dedupe.release(event.platform, event.eventId);
        // Named, not numbered: the event handled again numbers its own replies from 1 again.
        await ctx
          .reply(coreReplies.failed, { key: "failed" })
          .catch((sendError) => log.error({ err: sendError }, "could not say so"));
        return "failed" as const;
      }
    });
  }

  /** Resolves when every event taken so far has been handled. */
  idle(): Promise<void> {
    return this.serial.idle();
  }

  private outbox(event: InboundEvent): Outbox {
    return new Outbox(this.services.messenger, `${event.platform}-${event.eventId}`);
  }
}
