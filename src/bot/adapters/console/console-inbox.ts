/**
 * What a person does in the console — say something in a chat, press a button — turned into a
 * stored message and a neutral event, put on the console's inbound queue for the bot. The HTTP
 * routes and the transcript runner both act through it.
 */
import { randomUUID } from "node:crypto";
import type { Directory } from "../../core/directory.ts";
import { type InboundQueue, type QueuedEvent, toQueuedEvent } from "../../core/inbound-queue.ts";
import type { InboundEvent } from "../../core/message.ts";
import type { InboundOutcome } from "../../core/pipeline.ts";
import type { Clock, FileStore } from "../../core/ports.ts";
import {
  CONSOLE_PLATFORM,
  consoleSpeaker,
  decodeConsoleMessage,
  decodeConsolePress,
} from "./console-decode.ts";
import type { ConsoleHistory } from "./console-history.ts";
import type { ConsoleMessageDto } from "./console-message.ts";
import { storeUpload } from "./console-upload.ts";

/** What waits on the console's inbound queue: the neutral event. */
export interface ConsoleInboundJob {
  event: QueuedEvent;
}

export class ConsoleInbox {
  constructor(
    private readonly directory: Directory,
    private readonly history: ConsoleHistory,
    private readonly queue: InboundQueue<ConsoleInboundJob, InboundOutcome>,
    private readonly clock: Clock,
    /** Where uploaded photos are kept (absent: uploads are refused). */
    private readonly files?: FileStore,
  ) {}

  /**
   * A person uploads a photo (or any file) in a chat: checked, stored in the file store (streamed,
   * up to its byte limit; over it nothing is kept and the bot is told it was refused), put in the
   * history as their message and handed to the bot as an event with the attachment.
   */
  async receiveUpload(
    chatRef: string,
    senderRef: string,
    upload: { name: string; mimeType: string; content: AsyncIterable<Uint8Array> | Uint8Array },
    eventId = `upload-${randomUUID()}`,
  ): Promise<{ message: ConsoleMessageDto; handled: Promise<InboundOutcome> }> {
    const files = this.files;
    if (!files) throw new Error("the console has no file store");
    const base = decodeConsoleMessage(
      { chat: chatRef, sender: senderRef, text: "", eventId },
      this.directory,
      this.clock.now(),
    );
    const attachment = await storeUpload(files, upload);
    const message = await this.history.addPersonMessage(
      base.chatId,
      base.senderId as string,
      "",
      [],
      eventId,
      attachment.fileKey ? [{ ...attachment, fileKey: attachment.fileKey }] : [],
    );
    const event: InboundEvent = { ...base, attachments: [attachment] };
    return { message, handled: this.handOver(event) };
  }

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
   * Stores what a person says and hands it to the bot; resolves once it is stored, while it is
   * still being queued and handled (`handled`), so the HTTP route can answer before that ends.
   */
  async receive(
    chatRef: string,
    senderRef: string,
    text: string,
    eventId?: string,
  ): Promise<{ message: ConsoleMessageDto; handled: Promise<InboundOutcome> }> {
    const { message, event } = await this.accept(chatRef, senderRef, text, eventId);
    return { message, handled: this.handOver(event) };
  }

  /** Stores what a person says; returns the message and its event, not yet handed to the bot. */
  async accept(
    chatRef: string,
    senderRef: string,
    text: string,
    eventId = `msg-${randomUUID()}`,
  ): Promise<{ message: ConsoleMessageDto; event: InboundEvent }> {
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
    return { message, event };
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

  /** Checks a button press and hands it to the bot; resolves once it is checked, as {@link receive}. */
  async receivePress(
    chatRef: string,
    senderRef: string,
    messageId: number,
    actionOrLabel: string,
    eventId?: string,
  ): Promise<{ handled: Promise<InboundOutcome> }> {
    const event = await this.acceptPress(chatRef, senderRef, messageId, actionOrLabel, eventId);
    return { handled: this.handOver(event) };
  }

  /** Checks a button press; returns its event, not yet handed to the bot. */
  async acceptPress(
    chatRef: string,
    senderRef: string,
    messageId: number,
    actionOrLabel: string,
    eventId = `action-${randomUUID()}`,
  ): Promise<InboundEvent> {
    consoleSpeaker(this.directory, chatRef, senderRef); // refused before the history is read
    const target = (await this.history.find(messageId)) ?? undefined;
    return decodeConsolePress(
      { chat: chatRef, sender: senderRef, messageId, action: actionOrLabel, eventId },
      target,
      this.directory,
      this.clock.now(),
    );
  }

  /**
   * A person presses a button's value without a console message under it (the web desk's 已阅 on
   * an item page): checked like any press (the person must be able to speak in the chat), handed
   * to the bot as the same event a pressed card button gives, minus the message it was on.
   */
  async receiveBarePress(
    chatRef: string,
    senderRef: string,
    value: string,
    eventId = `press-${randomUUID()}`,
  ): Promise<{ handled: Promise<InboundOutcome> }> {
    const { chat, person } = consoleSpeaker(this.directory, chatRef, senderRef);
    const event: InboundEvent = {
      platform: CONSOLE_PLATFORM,
      eventId,
      chatId: chat.id,
      senderId: person.id,
      text: "",
      mentions: [],
      action: { value },
      receivedAt: this.clock.now(),
    };
    return { handled: this.handOver(event) };
  }

  /**
   * Queues the event and waits for a worker to have handled it. Each receipt is an entry of its
   * own, not one per event id: a retry under the same event id after a handling that failed is
   * handled again, and the pipeline's dedupe drops one whose earlier handling ran to its end.
   */
  private async handOver(event: InboundEvent): Promise<InboundOutcome> {
    const entry = await this.queue.enqueue(`${event.eventId}.${randomUUID()}`, {
      event: toQueuedEvent(event),
    });
    return entry.handled();
  }
}
