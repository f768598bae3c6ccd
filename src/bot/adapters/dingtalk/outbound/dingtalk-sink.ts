/**
 * DingTalk's delivery end: renders a neutral message (text with `@名字`, a template card with signed
 * buttons, or the card as markdown when no template is set), waits for a slot under the chat's and
 * the app's limits, sends it through the robot OpenAPI, remembers it in `SentMessage` (cards by
 * their outTrackId, which their callbacks name), then DINGs the people concerned. A message whose
 * row exists was sent already (a retry) and is not sent again. `updateOf` messages update the
 * earlier template cards in place. Files go as their names: the robot can send only files uploaded
 * to DingTalk's media store, which this adapter does not do yet.
 */
import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { Directory } from "../../../core/directory.ts";
import type { OutboundMessage } from "../../../core/message.ts";
import { type MessageSink, PermanentDeliveryError } from "../../../core/message-sink.ts";
import type { DatabaseClient } from "../../../core/services.ts";
import { stringList } from "../../../core/string-list.ts";
import { recordPost, recordSentMessage } from "../../common/sent-message-record.ts";
import type { DingtalkApi, InSlot, MsgKey } from "../client/dingtalk-api.ts";
import { DingtalkApiError } from "../client/dingtalk-errors.ts";
import type { DingtalkRate } from "../client/dingtalk-rate.ts";
import { DINGTALK, type DingtalkIdentity, type DingtalkTarget } from "../dingtalk-identity.ts";
import type { DingtalkSettings } from "../dingtalk-settings.ts";
import { dingtalkTexts as T } from "../dingtalk-texts.ts";
import {
  type CardParams,
  renderCardMarkdown,
  renderCardParams,
  textWithMentions,
  withReadLine,
} from "./dingtalk-card.ts";
import { sendDing } from "./dingtalk-ding.ts";

/** What a sent message's row keeps in `card`: the template's params, and the key read status asks by. */
export interface StoredDingtalkCard {
  params?: CardParams;
  processQueryKey?: string;
}

export class DingtalkSink implements MessageSink {
  readonly name = DINGTALK;
  /** Tells the duty officer about a problem that did not stop the send (set when the app starts). */
  reportProblem: (text: string, key: string) => Promise<void> = async () => {};

  constructor(
    private readonly deps: {
      api: DingtalkApi;
      identity: DingtalkIdentity;
      rate: DingtalkRate;
      directory: Directory;
      prisma: DatabaseClient;
      settings: Pick<DingtalkSettings, "clientSecret" | "cardTemplateId">;
      log: Logger;
    },
  ) {}

  serves(chatId: string): boolean {
    return this.deps.identity.canReach(chatId);
  }

  async deliver(message: OutboundMessage): Promise<void> {
    if (message.updateOf) return this.call(() => this.update(message));
    if (message.formOnly) return;
    const target = await this.deps.identity.target(message.chatId);
    if (!target) {
      this.deps.log.debug({ chat: message.chatId }, "chat not on dingtalk, message skipped");
      return;
    }
    if (message.text !== undefined || message.card || !message.files?.length)
      await this.call(() => this.sendMain(message, target));
    for (const [index, file] of (message.files ?? []).entries())
      await this.call(() =>
        this.sendOnce(`${message.idempotencyKey}-file-${index}`, message.chatId, target, "sampleText", {
          content: T.fileByName(file.name),
        }),
      );
  }

  private async sendMain(message: OutboundMessage, target: DingtalkTarget): Promise<void> {
    const { prisma, api, identity, directory, settings } = this.deps;
    if (await this.alreadySent(message.idempotencyKey)) return;
    const mentioned = (message.mentions ?? []).filter((id) => directory.person(id));
    const mentionNames = mentioned.map((id) => directory.personName(id));
    const inSlot: InSlot = (request) => this.deps.rate.forTarget(target.rateKey, request);
    let platformMessageId: string;
    let stored: StoredDingtalkCard;
    if (message.card && settings.cardTemplateId) {
      const params = renderCardParams(message.card, {
        secret: settings.clientSecret,
        messageKey: message.idempotencyKey,
        mentionNames,
      });
      const atOpenIds = Object.fromEntries(
        mentioned.flatMap((id) => {
          const userId = identity.userIdOf(id);
          return userId ? [[userId, directory.personName(id)]] : [];
        }),
      );
      platformMessageId = outTrackId(message.idempotencyKey);
      const processQueryKey = await api.sendCard(
        {
          outTrackId: platformMessageId,
          to:
            target.kind === "group"
              ? { openConversationId: target.openConversationId }
              : { userId: target.userId },
          cardParamMap: params,
          atOpenIds,
        },
        inSlot,
      );
      stored = { params, ...(processQueryKey ? { processQueryKey } : {}) };
    } else {
      const [msgKey, msgParam]: [MsgKey, object] = message.card
        ? ["sampleMarkdown", renderCardMarkdown(message.card, { mentionNames })]
        : ["sampleText", { content: textWithMentions(message.text ?? "", mentionNames) }];
      platformMessageId = await this.post(target, msgKey, msgParam, inSlot);
      stored = { processQueryKey: platformMessageId };
    }
    const recorded = await recordPost(prisma, directory, {
      platform: DINGTALK,
      message,
      platformMessageId,
      card: stored,
    });
    if (recorded && message.urgentTo?.length)
      await sendDing(
        {
          api,
          identity,
          directory,
          log: this.deps.log,
          report: this.reportProblem,
          inSlot: (request) => this.deps.rate.forApp(request),
        },
        message,
      );
  }

  /** A plain message sent once under `key` (a file's name after the message). */
  private async sendOnce(
    key: string,
    chatId: string,
    target: DingtalkTarget,
    msgKey: MsgKey,
    msgParam: object,
  ) {
    if (await this.alreadySent(key)) return;
    const id = await this.post(target, msgKey, msgParam, (request) =>
      this.deps.rate.forTarget(target.rateKey, request),
    );
    await recordSentMessage(this.deps.prisma, {
      platform: DINGTALK,
      idempotencyKey: key,
      chatId,
      platformMessageId: id,
      recipients: [],
      sentAt: new Date(),
    });
  }

  private post(target: DingtalkTarget, msgKey: MsgKey, msgParam: object, inSlot: InSlot): Promise<string> {
    return target.kind === "group"
      ? this.deps.api.sendGroup(target.openConversationId, msgKey, msgParam, inSlot)
      : this.deps.api.sendToUsers([target.userId], msgKey, msgParam, inSlot);
  }

  private async alreadySent(idempotencyKey: string): Promise<boolean> {
    const row = await this.deps.prisma.sentMessage.findFirst({
      where: { platform: DINGTALK, idempotencyKey },
      select: { id: true },
    });
    return row !== null;
  }

  /** Updates every template card sent under `updateOf` with the new state, keeping its read line. */
  private async update(message: OutboundMessage): Promise<void> {
    const { prisma, api, settings, identity } = this.deps;
    if (!message.card || !settings.cardTemplateId) return;
    const rows = await prisma.sentMessage.findMany({
      where: { platform: DINGTALK, idempotencyKey: message.updateOf },
    });
    for (const row of rows) {
      const params = renderCardParams(message.card, {
        secret: settings.clientSecret,
        messageKey: row.idempotencyKey,
      });
      const previous = (row.card ?? {}) as StoredDingtalkCard;
      const recipients = stringList(row.recipients);
      const readBy = stringList(row.readBy);
      const shown =
        recipients.length > 0 && readBy.length > 0
          ? withReadLine(params, T.readCount(readBy.length, recipients.length))
          : params;
      const target = await identity.target(row.chatId);
      await api.updateCard(row.platformMessageId, shown, (request) =>
        target ? this.deps.rate.forTarget(target.rateKey, request) : this.deps.rate.forApp(request),
      );
      await prisma.sentMessage.update({
        where: { id: row.id },
        data: { card: { ...previous, params: shown }, cardVersion: { increment: 1 } },
      });
    }
  }

  /** A call that failed for good becomes a permanent delivery error; a retryable one goes back to the queue. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof DingtalkApiError && error.failure.kind === "fatal")
        throw new PermanentDeliveryError(`钉钉拒绝：${error.failure.reason}`);
      throw error;
    }
  }
}

/** The card's outTrackId from our idempotency key: the same key always gives the same id. */
export function outTrackId(idempotencyKey: string): string {
  return `kb-${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}`;
}
