/**
 * Feishu events → neutral events. Each callback only validates the event and puts it on the
 * durable inbound queue before answering (Feishu resends after 3 s): a received message, a pressed
 * button or submitted form, the bot added to a group. A worker takes the queued events and handles
 * them, after a restart too, so an event answered just before a crash is not lost. A resend is one
 * job (job id from the message or event id) and is dropped again by message id in the pipeline;
 * anything malformed or unknown is logged and acknowledged.
 *
 * A card action must answer with its toast at once, so it is checked (signature, sent card,
 * person) in the callback and only the checked neutral action is queued.
 *
 * Pictures, videos and files are downloaded by the worker, never in the callback: the job is keyed
 * by the message id, so a resend while the job is kept (a day, as long as the pipeline's dedupe)
 * downloads nothing again. In a group, a message that does not @ the bot is read for what it
 * carries only when its sender is in a dialog with the bot there (as text answers are), so nobody's
 * holiday photos are downloaded.
 */
import * as lark from "@larksuiteoapi/node-sdk";
import type { Logger } from "pino";
import type { Directory } from "../../../core/directory.ts";
import type { InboundQueue } from "../../../core/inbound-queue.ts";
import type { InboundEvent } from "../../../core/message.ts";
import type { InboundOutcome } from "../../../core/pipeline.ts";
import type { PlatformContext } from "../../../core/platform-adapter.ts";
import type { DatabaseClient } from "../../../core/services.ts";
import { QueuedInbound } from "../../common/queued-inbound.ts";
import type { FeishuApi } from "../client/feishu-api.ts";
import { sdkLogger } from "../client/feishu-api.ts";
import type { FeishuRate } from "../client/feishu-rate.ts";
import { type FeishuMention, textContent } from "../feishu-content.ts";
import { FEISHU, type FeishuIdentity } from "../feishu-identity.ts";
import type { FeishuSettings } from "../feishu-settings.ts";
import { chatRateKey } from "../feishu-target.ts";
import { feishuTexts as T } from "../feishu-texts.ts";
import { feishuUuid } from "../outbound/feishu-sink.ts";
import { decodeCardAction, decodeMessage, type FeishuNames, readReceivedMessage } from "./feishu-decode.ts";
import { downloadResources } from "./feishu-download.ts";
import { type BotAdded, botAdded, type MessageReceived, toast } from "./feishu-events.ts";

/** What waits on the inbound queue: raw events still to map, or a checked neutral event. */
export type FeishuInboundJob =
  | { kind: "message"; data: MessageReceived; receivedAt: string }
  | { kind: "bot-added"; data: BotAdded }
  | { kind: "event"; event: Omit<InboundEvent, "receivedAt"> & { receivedAt: string } };

/** Where decoded events go (the app's pipeline), who is in a dialog, where attachments are kept. */
export type InboundHandlers = Pick<PlatformContext, "handle" | "handleUnbound" | "dialogs" | "files">;

export interface InboundDeps {
  api: FeishuApi;
  rate: FeishuRate;
  identity: FeishuIdentity;
  directory: Directory;
  prisma: DatabaseClient;
  settings: Pick<FeishuSettings, "appSecret" | "maxInboundChars" | "encryptKey" | "verificationToken">;
  log: Logger;
  now: () => Date;
  queue: InboundQueue<FeishuInboundJob>;
}

export class FeishuInbound extends QueuedInbound<FeishuInboundJob, InboundHandlers> {
  readonly dispatcher: lark.EventDispatcher;
  /** The bot's own open id, learnt at start, to recognise its mention. */
  botOpenId?: string;
  /** Who is who, as the decoder reads it. */
  private readonly names: FeishuNames = {
    personOf: (openId) => this.deps.identity.personOf(openId),
    groupOf: (chatId) => this.deps.identity.groupOf(chatId),
    mentioned: (mention) => this.resolveMention(mention),
    isBot: (mention) => this.isBot(mention),
  };

  constructor(private readonly deps: InboundDeps) {
    super(deps.queue, FEISHU);
    this.dispatcher = new lark.EventDispatcher({
      encryptKey: deps.settings.encryptKey,
      verificationToken: deps.settings.verificationToken,
      loggerLevel: lark.LoggerLevel.warn,
      logger: sdkLogger(deps.log),
    }).register({
      "im.message.receive_v1": (data: unknown) => this.onMessage(data),
      "card.action.trigger": (data: unknown) => this.onCardAction(data),
      "im.chat.member.bot.added_v1": (data: unknown) => this.onBotAdded(data),
    });
  }

  protected override async process(job: FeishuInboundJob): Promise<void> {
    if (job.kind === "message") return this.processMessage(job.data, new Date(job.receivedAt));
    if (job.kind === "bot-added") return this.greet(job.data);
    await this.dispatch({ ...job.event, receivedAt: new Date(job.event.receivedAt) });
  }

  async onMessage(data: unknown): Promise<void> {
    const received = readReceivedMessage(data);
    if (received.kind === "malformed") {
      this.deps.log.warn({ issues: received.issues }, "malformed feishu message event dropped");
      return;
    }
    if (received.kind === "not-a-person") return;
    // Keyed by the message id: a resend under a new event id is the same job.
    await this.deps.queue.enqueue(`feishu-msg-${received.data.message.message_id}`, {
      kind: "message",
      data: received.data,
      receivedAt: this.deps.now().toISOString(),
    });
  }

  private async processMessage(event: MessageReceived, receivedAt: Date): Promise<void> {
    const { message } = event;
    const { settings } = this.deps;
    const decoded = decodeMessage(event, this.names, settings, receivedAt);
    switch (decoded.kind) {
      case "unsupported":
        this.deps.log.info({ type: decoded.messageType }, "feishu message kind not read");
        if (decoded.answer)
          await this.notice(message.chat_id, T.unsupported, `unsupported-${message.message_id}`);
        return;
      case "too-long":
        if (decoded.answer)
          await this.notice(
            message.chat_id,
            T.tooLong(settings.maxInboundChars),
            `too-long-${message.message_id}`,
          );
        return;
      case "unknown-person":
        return this.notice(message.chat_id, T.actionUnknownPerson, `unknown-${message.message_id}`);
      case "unbound-group":
        await this.unboundGroup(
          message.chat_id,
          decoded.personId,
          decoded.text,
          decoded.addressed,
          message.message_id,
        );
        return;
      case "event":
        return this.dispatch(await this.withExtras(decoded, message.message_id));
    }
  }

  /**
   * The event with its resources downloaded into attachments. In a group, what a message carries
   * without an @ of the bot is kept only when its sender is in a dialog there; otherwise the event
   * keeps its text alone (and a message of nothing but a picture or place is left to the group).
   */
  private async withExtras(
    decoded: Extract<ReturnType<typeof decodeMessage>, { kind: "event" }>,
    messageId: string,
  ): Promise<InboundEvent> {
    const { event, resources, addressed } = decoded;
    if (resources.length === 0 && !event.location) return event;
    const handlers = this.requireHandlers();
    const meant =
      addressed ||
      (event.senderId !== null && (await handlers.dialogs.inDialog(event.chatId, event.senderId)));
    if (!meant) {
      const { location: _location, ...textOnly } = event;
      return textOnly;
    }
    if (resources.length === 0) return event;
    const attachments = await downloadResources(
      {
        api: this.deps.api,
        files: handlers.files,
        inSlot: (request) => this.deps.rate.forApp(request),
        log: this.deps.log,
      },
      messageId,
      resources,
    );
    return { ...event, attachments };
  }

  async onCardAction(data: unknown): Promise<unknown> {
    const decoded = decodeCardAction(data, this.deps.settings.appSecret, this.names);
    if (decoded.kind === "malformed") {
      this.deps.log.warn({ issues: decoded.issues }, "malformed feishu card action dropped");
      return toast("error", T.actionForged);
    }
    const messageId = decoded.messageId;
    const sent =
      decoded.kind === "action" && messageId
        ? await this.deps.prisma.sentMessage.findFirst({
            where: { platform: FEISHU, platformMessageId: messageId },
          })
        : null;
    if (decoded.kind === "forged" || !sent || sent.idempotencyKey !== decoded.messageKey) {
      const value = decoded.kind === "forged" ? decoded.value : decoded.action;
      this.deps.log.warn({ message: messageId, value }, "forged or stale card action refused");
      return toast("error", T.actionForged);
    }
    const { personId, eventId } = decoded;
    if (!personId) return toast("error", T.actionUnknownPerson);
    if (!this.deps.directory.canSpeakIn(personId, sent.chatId)) return toast("error", T.actionNotYours);
    await this.deps.queue.enqueue(`feishu-${eventId}`, {
      kind: "event",
      event: {
        platform: FEISHU,
        eventId,
        chatId: sent.chatId,
        senderId: personId,
        text: "",
        mentions: [],
        action: decoded.action,
        receivedAt: this.deps.now().toISOString(),
      },
    });
    return toast("success", T.actionReceived);
  }

  async onBotAdded(data: unknown): Promise<void> {
    const parsed = botAdded.safeParse(data);
    if (!parsed.success) {
      this.deps.log.warn("malformed feishu bot-added event dropped");
      return;
    }
    const key = `greeting-${parsed.data.event_id ?? parsed.data.chat_id}`;
    await this.deps.queue.enqueue(`feishu-${key}`, { kind: "bot-added", data: parsed.data });
  }

  private async greet(event: BotAdded): Promise<void> {
    const { chat_id } = event;
    const groupId = this.deps.identity.groupOf(chat_id);
    const bot = this.deps.directory.botName;
    const text = groupId
      ? T.greetingKnown(bot, this.deps.directory.chatName(groupId))
      : T.greetingUnknown(bot);
    await this.notice(chat_id, text, `greeting-${event.event_id ?? chat_id}`);
  }

  /** A message in a Feishu group not yet bound: the bot decides; bound by the identity, answered here. */
  private unboundGroup(
    feishuChatId: string,
    personId: string | undefined,
    text: string,
    addressed: boolean,
    messageId: string,
  ): Promise<InboundOutcome> {
    return this.requireHandlers().handleUnbound({
      platform: FEISHU,
      eventId: `msg-${messageId}`,
      unknown: "chat",
      externalChatId: feishuChatId,
      ...(personId ? { personId } : {}),
      text,
      addressed,
      binder: this.deps.identity,
      reply: (say, key) => this.notice(feishuChatId, say, `${key}-${messageId}`),
    });
  }

  private async dispatch(event: InboundEvent): Promise<void> {
    await this.requireHandlers().handle(event);
  }

  /**
   * A short answer from the adapter itself, straight into a Feishu chat the org file may not know
   * (so not through the send queue, which serves the org's chats): under the chat's and the app's
   * limits, and retried with the event if it fails.
   */
  private async notice(feishuChatId: string, text: string, key: string): Promise<void> {
    await this.deps.api.send(
      {
        receiveIdType: "chat_id",
        receiveId: feishuChatId,
        msgType: "text",
        content: textContent(text, []),
        uuid: feishuUuid(`feishu-notice-${key}`),
      },
      (request) => this.deps.rate.forTarget(chatRateKey(feishuChatId), request),
    );
  }

  private isBot(mention: FeishuMention): boolean {
    return (
      (this.botOpenId !== undefined && mention.id?.open_id === this.botOpenId) ||
      mention.name === this.deps.directory.botName
    );
  }

  private resolveMention(mention: FeishuMention): { id: string; name: string } | undefined {
    const { directory, identity } = this.deps;
    if (this.isBot(mention)) return { id: "bot", name: directory.botName };
    const personId = identity.personOf(mention.id?.open_id);
    const person = personId ? directory.person(personId) : undefined;
    return person ? { id: person.id, name: person.name } : undefined;
  }
}
