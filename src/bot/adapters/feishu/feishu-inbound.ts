/**
 * Feishu events → neutral events. Each handler answers at once (Feishu resends after 3 s) and the
 * work goes on in the background: a received message, a pressed button or submitted form, the bot
 * added to a group. Redeliveries are dropped by event id here and by message id in the pipeline;
 * anything malformed or unknown is logged and acknowledged.
 */
import * as lark from "@larksuiteoapi/node-sdk";
import type { Logger } from "pino";
import type { Directory } from "../../core/directory.ts";
import { directChatId, type InboundEvent } from "../../core/message.ts";
import type { InboundOutcome } from "../../core/pipeline.ts";
import type { DatabaseClient } from "../../core/services.ts";
import { splitCommand, stripBotMention } from "../../core/text.ts";
import { verifyAction } from "./action-signature.ts";
import type { FeishuApi } from "./feishu-api.ts";
import { sdkLogger } from "./feishu-api.ts";
import { type FeishuMention, inboundText, readMentions, textContent } from "./feishu-content.ts";
import { botAdded, cardAction, messageReceived, toast } from "./feishu-events.ts";
import { FEISHU, type FeishuIdentity } from "./feishu-identity.ts";
import type { FeishuSettings } from "./feishu-settings.ts";
import { feishuUuid } from "./feishu-sink.ts";
import { feishuTexts as T } from "./feishu-texts.ts";
import { RecentIds } from "./recent-ids.ts";

export interface InboundDeps {
  api: FeishuApi;
  identity: FeishuIdentity;
  directory: Directory;
  prisma: DatabaseClient;
  settings: Pick<FeishuSettings, "appSecret" | "maxInboundChars" | "encryptKey" | "verificationToken">;
  log: Logger;
  now: () => Date;
}

export class FeishuInbound {
  readonly dispatcher: lark.EventDispatcher;
  /** The bot's own open id, learnt at start, to recognise its mention. */
  botOpenId?: string;
  private handle?: (event: InboundEvent) => Promise<InboundOutcome>;
  private readonly seen = new RecentIds();
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(private readonly deps: InboundDeps) {
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

  /** Starts handing events to the bot. */
  attach(handle: (event: InboundEvent) => Promise<InboundOutcome>): void {
    this.handle = handle;
  }

  /** Resolves when all background work taken so far is done. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  private background(label: string, work: () => Promise<unknown>): void {
    const promise = work()
      .catch((error) => this.deps.log.error({ err: error, work: label }, "feishu inbound work failed"))
      .finally(() => this.inflight.delete(promise));
    this.inflight.add(promise);
  }

  private firstTime(eventId: string | undefined): boolean {
    return eventId === undefined || this.seen.add(eventId);
  }

  async onMessage(data: unknown): Promise<void> {
    const parsed = messageReceived.safeParse(data);
    if (!parsed.success) {
      this.deps.log.warn(
        { issues: parsed.error.issues.slice(0, 3) },
        "malformed feishu message event dropped",
      );
      return;
    }
    const { message, sender } = parsed.data;
    if (sender.sender_type && sender.sender_type !== "user") return; // other bots, the system
    if (!this.firstTime(parsed.data.event_id) || !this.seen.add(`msg-${message.message_id}`)) return;
    this.background("message", () => this.processMessage(parsed.data));
  }

  private async processMessage(event: ReturnType<typeof messageReceived.parse>): Promise<void> {
    const { message, sender } = event;
    const { identity, settings } = this.deps;
    const raw = inboundText(message.message_type, message.content);
    const personId = identity.personOf(sender.sender_id?.open_id);
    const isDirect = message.chat_type === "p2p";
    const chatId = isDirect
      ? personId
        ? directChatId(personId)
        : undefined
      : identity.groupOf(message.chat_id);
    if (raw === undefined) {
      this.deps.log.info({ type: message.message_type }, "feishu message kind not read");
      if (isDirect || (message.mentions ?? []).some((m) => this.isBot(m)))
        await this.notice(message.chat_id, T.unsupported, `unsupported-${message.message_id}`);
      return;
    }
    const read = readMentions(raw, message.mentions ?? [], (m) => this.resolveMention(m));
    const addressed = isDirect || read.mentions.includes("bot");
    if (raw.length > settings.maxInboundChars) {
      if (addressed)
        await this.notice(
          message.chat_id,
          T.tooLong(settings.maxInboundChars),
          `too-long-${message.message_id}`,
        );
      return;
    }
    if (isDirect && !personId) {
      await this.notice(message.chat_id, T.actionUnknownPerson, `unknown-${message.message_id}`);
      return;
    }
    if (!isDirect && !chatId)
      return this.unboundGroup(message.chat_id, personId, read.text, addressed, message.message_id);
    await this.dispatch({
      platform: FEISHU,
      eventId: `msg-${message.message_id}`,
      chatId: chatId as string,
      senderId: personId ?? null,
      senderName: sender.sender_id?.open_id,
      text: read.text,
      mentions: read.mentions,
      receivedAt: this.deps.now(),
    });
  }

  async onCardAction(data: unknown): Promise<unknown> {
    const parsed = cardAction.safeParse(data);
    if (!parsed.success) {
      this.deps.log.warn({ issues: parsed.error.issues.slice(0, 3) }, "malformed feishu card action dropped");
      return toast("error", T.actionForged);
    }
    const { operator, action, context } = parsed.data;
    const value = verifyAction(this.deps.settings.appSecret, action.value);
    const messageId = context.open_message_id;
    const sent = messageId
      ? await this.deps.prisma.sentMessage.findFirst({
          where: { platform: FEISHU, platformMessageId: messageId },
        })
      : null;
    if (!value || !sent || sent.idempotencyKey !== value.k) {
      this.deps.log.warn({ message: messageId, value: action.value }, "forged or stale card action refused");
      return toast("error", T.actionForged);
    }
    const personId = this.deps.identity.personOf(operator.open_id);
    if (!personId) return toast("error", T.actionUnknownPerson);
    if (!this.deps.directory.canSpeakIn(personId, sent.chatId)) return toast("error", T.actionNotYours);
    if (!this.firstTime(parsed.data.event_id)) return toast("info", T.actionReceived);
    const form = action.form_value
      ? Object.fromEntries(Object.entries(action.form_value).map(([k, v]) => [k, String(v ?? "")]))
      : undefined;
    this.background("card-action", () =>
      this.dispatch({
        platform: FEISHU,
        eventId: `card-${parsed.data.event_id ?? `${messageId}-${personId}-${value.a}`}`,
        chatId: sent.chatId,
        senderId: personId,
        text: "",
        mentions: [],
        action: { value: value.a, messageId, ...(form ? { form } : {}) },
        receivedAt: this.deps.now(),
      }),
    );
    return toast("success", T.actionReceived);
  }

  async onBotAdded(data: unknown): Promise<void> {
    const parsed = botAdded.safeParse(data);
    if (!parsed.success) {
      this.deps.log.warn("malformed feishu bot-added event dropped");
      return;
    }
    if (!this.firstTime(parsed.data.event_id)) return;
    const { chat_id } = parsed.data;
    const groupId = this.deps.identity.groupOf(chat_id);
    const bot = this.deps.directory.botName;
    const text = groupId
      ? T.greetingKnown(bot, this.deps.directory.chatName(groupId))
      : T.greetingUnknown(bot);
    this.background("greeting", () =>
      this.notice(chat_id, text, `greeting-${parsed.data.event_id ?? chat_id}`),
    );
  }

  /** An @-message in a Feishu group not yet bound: `绑定 群名` from an admin or director binds it. */
  private async unboundGroup(
    feishuChatId: string,
    personId: string | undefined,
    text: string,
    addressed: boolean,
    messageId: string,
  ): Promise<void> {
    const { directory, identity } = this.deps;
    const [command, rest] = splitCommand(stripBotMention(text, directory.botName));
    if (command !== "绑定") {
      if (addressed) await this.notice(feishuChatId, T.notBound, `not-bound-${messageId}`);
      return;
    }
    const person = personId ? directory.person(personId) : undefined;
    if (!person?.roles.some((r) => r === "admin" || r === "director"))
      return this.notice(feishuChatId, T.bindNotAllowed, `bind-${messageId}`);
    if (!rest) return this.notice(feishuChatId, T.bindUsage, `bind-${messageId}`);
    const target =
      directory.groups().find((g) => g.id === rest || g.name === rest) ??
      directory
        .groups()
        .find((g) => g.group?.purpose === "unit" && directory.unitName(g.group.unit ?? "") === rest);
    if (!target) return this.notice(feishuChatId, T.bindUnknownTarget(rest), `bind-${messageId}`);
    const outcome = await identity.bindGroup(feishuChatId, target.id, person.id);
    await this.notice(
      feishuChatId,
      outcome === "bound" ? T.bound(target.name) : T.bindTaken(target.name),
      `bind-${messageId}`,
    );
  }

  private async dispatch(event: InboundEvent): Promise<void> {
    if (!this.handle) {
      this.deps.log.warn({ event: event.eventId }, "feishu event before the bot started, dropped");
      return;
    }
    await this.handle(event);
  }

  /** A short answer from the adapter itself, straight into the Feishu chat. */
  private async notice(feishuChatId: string, text: string, key: string): Promise<void> {
    await this.deps.api.send({
      receiveIdType: "chat_id",
      receiveId: feishuChatId,
      msgType: "text",
      content: textContent(text, []),
      uuid: feishuUuid(`feishu-notice-${key}`),
    });
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
