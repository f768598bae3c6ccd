/**
 * Feishu's delivery end: renders a neutral message (text with real mentions, or a Card 2.0), waits
 * for a slot under the per-chat/per-person and app limits, sends it with a `uuid` derived from the
 * idempotency key (a retry never posts twice), remembers the Feishu message id in `SentMessage`,
 * then sends 加急 to the people concerned (under the app's limit), then the message's files, each
 * its own post (see `feishu-files.ts`). `updateOf` messages patch the earlier card in place (see
 * `stored-card.ts`). It serves only the chats a message can reach on
 * Feishu.
 */
import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { Directory } from "../../../core/directory.ts";
import type { OutboundMessage } from "../../../core/message.ts";
import { type MessageSink, PermanentDeliveryError } from "../../../core/message-sink.ts";
import type { FileStore } from "../../../core/ports.ts";
import type { DatabaseClient } from "../../../core/services.ts";
import { stringList } from "../../../core/string-list.ts";
import { recordPost } from "../../common/sent-message-record.ts";
import type { FeishuApi } from "../client/feishu-api.ts";
import { FeishuApiError } from "../client/feishu-errors.ts";
import type { FeishuRate } from "../client/feishu-rate.ts";
import { textContent } from "../feishu-content.ts";
import { FEISHU, type FeishuIdentity } from "../feishu-identity.ts";
import type { FeishuSettings } from "../feishu-settings.ts";
import { type FeishuTarget, feishuTarget } from "../feishu-target.ts";
import { renderCard } from "./feishu-card.ts";
import { sendFiles } from "./feishu-files.ts";
import { withReadLine } from "./feishu-read-line.ts";
import { sendUrgent } from "./feishu-urgent.ts";
import { patchStoredCard } from "./stored-card.ts";

export class FeishuSink implements MessageSink {
  readonly name = FEISHU;
  readonly showsForms = true;
  /** Tells the duty officer about a problem that did not stop the send (set when the app starts). */
  reportProblem: (text: string, key: string) => Promise<void> = async () => {};
  /** Where the files a message sends are kept (set when the app starts). */
  files?: FileStore;

  constructor(
    private readonly deps: {
      api: FeishuApi;
      identity: FeishuIdentity;
      rate: FeishuRate;
      directory: Directory;
      prisma: DatabaseClient;
      settings: Pick<FeishuSettings, "appSecret">;
      log: Logger;
    },
  ) {}

  /** A chat no message can reach on Feishu gets no Feishu job at all (see `FeishuIdentity.canReach`). */
  serves(chatId: string): boolean {
    return this.deps.identity.canReach(chatId);
  }

  async deliver(message: OutboundMessage): Promise<void> {
    if (message.updateOf) return this.update(message);
    const target = await feishuTarget(this.deps.identity, message.chatId);
    if (!target) {
      this.deps.log.debug({ chat: message.chatId }, "chat not on feishu, message skipped");
      return;
    }
    // Files alone (no text, no card) are just the files.
    if (message.text !== undefined || message.card || !message.files?.length)
      await this.sendMain(message, target);
    if (message.files?.length) {
      const files = this.files;
      if (!files) throw new Error("feishu sink has no file store before the app started");
      await this.call(() =>
        sendFiles(
          {
            api: this.deps.api,
            files,
            prisma: this.deps.prisma,
            inTargetSlot: (request) => this.deps.rate.forTarget(target.rateKey, request),
            inAppSlot: (request) => this.deps.rate.forApp(request),
          },
          message,
          target,
          feishuUuid,
        ),
      );
    }
  }

  /** The text or card, recorded, then its 加急. */
  private async sendMain(message: OutboundMessage, target: FeishuTarget): Promise<void> {
    const { prisma, api, identity, directory } = this.deps;
    const mentions = (message.mentions ?? []).flatMap((id) => {
      const openId = identity.openIdOf(id);
      return openId ? [{ openId, name: directory.personName(id) }] : [];
    });
    const card = message.card
      ? renderCard(message.card, {
          secret: this.deps.settings.appSecret,
          messageKey: message.idempotencyKey,
          mentionOpenIds: mentions.map((m) => m.openId),
        })
      : undefined;
    const content = card ? JSON.stringify(card) : textContent(message.text ?? "", mentions);
    const messageId = await this.call(() =>
      api.send(
        {
          receiveIdType: target.receiveIdType,
          receiveId: target.receiveId,
          msgType: message.card ? "interactive" : "text",
          content,
          uuid: feishuUuid(message.idempotencyKey),
        },
        (request) => this.deps.rate.forTarget(target.rateKey, request),
      ),
    );
    // A retry after a lost answer or a crash posts again with the same uuid, which Feishu answers
    // with the message already there; the row then exists and 加急 is not sent twice.
    const recorded = await recordPost(prisma, directory, {
      platform: FEISHU,
      message,
      platformMessageId: messageId,
      card,
    });
    if (recorded && message.urgentTo?.length)
      await sendUrgent(
        {
          api,
          identity,
          directory,
          log: this.deps.log,
          report: this.reportProblem,
          inSlot: (request) => this.deps.rate.forApp(request),
        },
        message,
        messageId,
      );
  }

  /** Patches every card sent under `updateOf` with the new state. */
  private async update(message: OutboundMessage): Promise<void> {
    const { prisma } = this.deps;
    const newCard = message.card;
    if (!newCard) return;
    const rows = await prisma.sentMessage.findMany({
      where: { platform: FEISHU, idempotencyKey: message.updateOf },
      select: { id: true, idempotencyKey: true },
    });
    for (const { id, idempotencyKey } of rows) {
      const rendered = renderCard(newCard, {
        secret: this.deps.settings.appSecret,
        messageKey: idempotencyKey,
      });
      await this.call(() =>
        patchStoredCard(this.deps, id, (row) => {
          // The read count already shown stays on the new state of the card.
          const recipients = stringList(row.recipients);
          const readBy = stringList(row.readBy);
          return recipients.length > 0 && readBy.length > 0
            ? withReadLine(rendered, readBy.length, recipients.length)
            : rendered;
        }),
      );
    }
  }

  /** A call that failed for good becomes a permanent delivery error; a retryable one goes back to the queue. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof FeishuApiError && error.failure.kind === "fatal")
        throw new PermanentDeliveryError(`飞书拒绝：${error.failure.reason}`);
      throw error;
    }
  }
}

/** Feishu's `uuid` (≤ 50 chars) from our idempotency key: the same key always gives the same uuid. */
export function feishuUuid(idempotencyKey: string): string {
  const h = createHash("sha256").update(idempotencyKey).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
