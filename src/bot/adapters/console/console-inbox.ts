/**
 * What a person does in the console — say something in a chat, press a button — turned into a
 * stored message and a neutral event for the pipeline. The HTTP routes and the transcript runner
 * both act through it.
 */
import { randomUUID } from "node:crypto";
import type { Directory } from "../../core/directory.ts";
import type { InboundOutcome, InboundPipeline } from "../../core/pipeline.ts";
import type { Clock } from "../../core/ports.ts";
import { consoleSpeaker, decodeConsoleMessage, decodeConsolePress } from "./console-decode.ts";
import type { ConsoleHistory } from "./console-history.ts";
import type { ConsoleMessageDto } from "./console-message.ts";

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
    const event = decodeConsoleMessage(
      { chat: chatRef, sender: senderRef, text, eventId },
      this.directory,
      this.clock.now(),
    );
    const message = await this.history.addPersonMessage(
      event.chatId,
      event.senderId as string,
      text,
      event.mentions,
      eventId,
    );
    return { message, handled: this.pipeline.handle(event) };
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
    consoleSpeaker(this.directory, chatRef, senderRef); // refused before the history is read
    const target = (await this.history.find(messageId)) ?? undefined;
    const event = decodeConsolePress(
      { chat: chatRef, sender: senderRef, messageId, action: actionOrLabel, eventId },
      target,
      this.directory,
      this.clock.now(),
    );
    return { handled: this.pipeline.handle(event) };
  }
}
