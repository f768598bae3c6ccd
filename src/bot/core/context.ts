/** What a handler sees of one inbound event, or of one fired job. */
import type { Person } from "../../config/org.ts";
import type { DialogData, DialogOrigin } from "./dialog/definition.ts";
import type { DialogSession } from "./dialog/session-store.ts";
import type { Chat } from "./directory.ts";
import type { CoreEventName, CoreEvents, EventBus } from "./events.ts";
import type { InboundEvent } from "./message.ts";
import { Outbox, type Say, type SendOptions } from "./outbox.ts";
import type { BotServices } from "./services.ts";

export class ConversationContext {
  private readonly outbox: Outbox;

  constructor(
    readonly services: BotServices,
    readonly event: InboundEvent,
    readonly person: Person,
    readonly chat: Chat,
    /** The text with full-width digits normalised and the bot's mention removed. */
    readonly text: string,
    private readonly dialogs: DialogStarter,
    private readonly events: Pick<EventBus, "emit">,
  ) {
    this.outbox = new Outbox(services.messenger, eventKeyOf(event));
  }

  /** The event's own id across platforms (`<platform>-<event id>`); its sends are keyed from it. */
  get eventKey(): string {
    return eventKeyOf(this.event);
  }

  /** Answers in the chat the event came from. */
  reply(say: Say | string, options?: SendOptions): Promise<void> {
    return this.outbox.send(this.chat.id, typeof say === "string" ? { text: say } : say, options);
  }

  /** Sends to another chat (an org group id or `dm:<personId>`). */
  send(chatId: string, say: Say | string, options?: SendOptions): Promise<void> {
    return this.outbox.send(chatId, typeof say === "string" ? { text: say } : say, options);
  }

  /**
   * Starts a registered dialog with this person in this chat, from `args` (a paragraph, or
   * nothing); `origin`: the item of another capability it is started from, kept in its data.
   */
  startDialog(dialogId: string, args = "", origin?: DialogOrigin): Promise<void> {
    return this.dialogs.start(this, dialogId, args, origin);
  }

  /** Answers the open dialog's step `stepId` with `text` as if typed; false when it waits elsewhere. */
  answerDialogStep(session: DialogSession, stepId: string, text: string): Promise<boolean> {
    return this.dialogs.answerStep(this, session, stepId, text);
  }

  /** Fills fields of the open dialog without answering its current question (asked again). */
  fillDialog(session: DialogSession, fields: DialogData): Promise<void> {
    return this.dialogs.fill(this, session, fields);
  }

  /** Tells the other capabilities' listeners (events.ts); resolves when they are done. */
  async emit<K extends CoreEventName>(event: K, payload: CoreEvents[K]): Promise<void> {
    await this.events.emit(this.services, event, payload);
  }
}

/** What a context needs of the dialog engine. */
export interface DialogStarter {
  start(ctx: ConversationContext, dialogId: string, args?: string, origin?: DialogOrigin): Promise<void>;
  answerStep(
    ctx: ConversationContext,
    session: DialogSession,
    stepId: string,
    text: string,
  ): Promise<boolean>;
  fill(ctx: ConversationContext, session: DialogSession, fields: DialogData): Promise<void>;
}

export class JobContext {
  private readonly outbox: Outbox;

  constructor(
    readonly services: BotServices,
    /** The job's scheduler key; sends are keyed from it. */
    readonly key: string,
  ) {
    this.outbox = new Outbox(services.messenger, key);
  }

  send(chatId: string, say: Say | string, options?: SendOptions): Promise<void> {
    return this.outbox.send(chatId, typeof say === "string" ? { text: say } : say, options);
  }
}

function eventKeyOf(event: InboundEvent): string {
  return `${event.platform}-${event.eventId}`;
}
