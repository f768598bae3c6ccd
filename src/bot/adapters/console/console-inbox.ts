/**
 * What a person does in the console — say something in a chat, press a button — turned into a
 * stored message and a neutral event for the pipeline. The HTTP routes and the transcript runner
 * both act through it.
 */
import { randomUUID } from "node:crypto";
import type { Directory } from "../../core/directory.ts";
import type { InboundEvent } from "../../core/message.ts";
import type { InboundOutcome, InboundPipeline } from "../../core/pipeline.ts";
import type { Clock } from "../../core/ports.ts";
import type { ConsoleHistory } from "./console-history.ts";
import type { ConsoleMessageDto } from "./console-message.ts";
import { consoleTexts as T } from "./console-texts.ts";
import { findMentions } from "./mentions.ts";

export const CONSOLE_PLATFORM = "console";

/** Something the console cannot do as asked; `field` names the part of the request at fault. */
export class ConsoleRequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 429 | 503,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ConsoleRequestError";
  }
}

export class ConsoleInbox {
  constructor(
    private readonly directory: Directory,
    private readonly history: ConsoleHistory,
    private readonly pipeline: Pick<InboundPipeline, "handle">,
    private readonly clock: Clock,
  ) {}

  /** A person says `text` in a chat (both by id or name); resolves when the bot has handled it. */
  async say(
    chatRef: string,
    senderRef: string,
    text: string,
    eventId?: string,
  ): Promise<{ message: ConsoleMessageDto; outcome: InboundOutcome }> {
    const { message, handled } = await this.receive(chatRef, senderRef, text, eventId);
    return { message, outcome: await handled };
  }

  /**
   * Stores what a person says and hands it to the bot; resolves once it is stored, while the bot
   * may still be handling it (`handled`), so the HTTP route can answer before that ends.
   */
  async receive(
    chatRef: string,
    senderRef: string,
    text: string,
    eventId = `msg-${randomUUID()}`,
  ): Promise<{ message: ConsoleMessageDto; handled: Promise<InboundOutcome> }> {
    const { chat, person } = this.resolve(chatRef, senderRef);
    const mentions = findMentions(text, this.directory);
    const message = await this.history.addPersonMessage(chat.id, person.id, text, mentions, eventId);
    const handled = this.pipeline.handle(
      this.event({ eventId, chatId: chat.id, senderId: person.id, text, mentions }),
    );
    return { message, handled };
  }

  /** A person presses a button (by its action or its label) on a message of the chat. */
  async press(
    chatRef: string,
    senderRef: string,
    messageId: number,
    actionOrLabel: string,
    eventId?: string,
  ): Promise<InboundOutcome> {
    const { handled } = await this.receivePress(chatRef, senderRef, messageId, actionOrLabel, eventId);
    return handled;
  }

  /** Checks a button press and hands it to the bot; resolves once it is handed over, as {@link receive}. */
  async receivePress(
    chatRef: string,
    senderRef: string,
    messageId: number,
    actionOrLabel: string,
    eventId = `action-${randomUUID()}`,
  ): Promise<{ handled: Promise<InboundOutcome> }> {
    const { chat, person } = this.resolve(chatRef, senderRef);
    const target = await this.history.find(messageId);
    if (!target || target.chat !== chat.id) throw new ConsoleRequestError(404, T.unknownMessage, "messageId");
    const button = target.card?.buttons.find((b) => b.action === actionOrLabel || b.label === actionOrLabel);
    if (!button) throw new ConsoleRequestError(400, T.unknownAction, "action");
    const handled = this.pipeline.handle(
      this.event({
        eventId,
        chatId: chat.id,
        senderId: person.id,
        text: "",
        mentions: [],
        action: { value: button.action, messageId: String(target.id) },
      }),
    );
    return { handled };
  }

  private resolve(chatRef: string, senderRef: string) {
    const chat = this.directory.chat(chatRef);
    if (!chat) throw new ConsoleRequestError(404, T.unknownChat(chatRef), "chat");
    const person = this.directory.person(senderRef);
    if (!person) throw new ConsoleRequestError(403, T.unknownSender(senderRef), "sender");
    if (!this.directory.canSpeakIn(person.id, chat.id))
      throw new ConsoleRequestError(403, T.notMember(person.name, chat.name), "sender");
    return { chat, person };
  }

  private event(fields: Omit<InboundEvent, "platform" | "receivedAt">): InboundEvent {
    return { platform: CONSOLE_PLATFORM, receivedAt: this.clock.now(), ...fields };
  }
}
