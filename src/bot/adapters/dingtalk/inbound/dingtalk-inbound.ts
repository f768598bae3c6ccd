/**
 * DingTalk pushes → neutral events. Each push is only checked and put on the durable inbound queue
 * before it is acknowledged (see `dingtalk-stream.ts`); a worker takes the queued pushes and hands
 * them to the bot, after a restart too, so a push acknowledged just before a crash is not lost. A
 * redelivery is one job (job id from the robot message's `msgId`, or the card push's `messageId`)
 * and is dropped again by event id in the pipeline. Anything malformed is logged and acknowledged.
 *
 * A card callback is checked (signature, the card it was on, the person) in the callback, and only
 * the checked neutral action is queued.
 */
import type { DWClientDownStream } from "dingtalk-stream";
import type { Logger } from "pino";
import type { Directory } from "../../../core/directory.ts";
import {
  fromQueuedEvent,
  type InboundQueue,
  type QueuedEvent,
  toQueuedEvent,
} from "../../../core/inbound-queue.ts";
import type { PlatformContext } from "../../../core/platform-adapter.ts";
import type { DatabaseClient } from "../../../core/services.ts";
import { QueuedInbound } from "../../common/queued-inbound.ts";
import type { DingtalkApi } from "../client/dingtalk-api.ts";
import type { DingtalkRate } from "../client/dingtalk-rate.ts";
import { DINGTALK, type DingtalkIdentity, groupRateKey, userRateKey } from "../dingtalk-identity.ts";
import type { DingtalkSettings } from "../dingtalk-settings.ts";
import { dingtalkTexts as T } from "../dingtalk-texts.ts";
import {
  type DingtalkNames,
  decodeCardCallback,
  decodeRobotMessage,
  type RobotMessage,
  readCardCallback,
  readRobotMessage,
} from "./dingtalk-decode.ts";

/** What waits on the inbound queue: a robot message still to map, or a checked neutral event. */
export type DingtalkInboundJob =
  | { kind: "message"; data: RobotMessage; receivedAt: string }
  | { kind: "event"; event: QueuedEvent };

export type InboundHandlers = Pick<PlatformContext, "handle" | "handleUnbound">;

export interface DingtalkInboundDeps {
  api: DingtalkApi;
  rate: DingtalkRate;
  identity: DingtalkIdentity;
  directory: Directory;
  prisma: DatabaseClient;
  settings: Pick<DingtalkSettings, "clientSecret" | "maxInboundChars">;
  log: Logger;
  now: () => Date;
  queue: InboundQueue<DingtalkInboundJob>;
}

export class DingtalkInbound extends QueuedInbound<DingtalkInboundJob, InboundHandlers> {
  private readonly names: DingtalkNames;

  constructor(private readonly deps: DingtalkInboundDeps) {
    super(deps.queue, DINGTALK);
    this.names = {
      personOf: (userId) => deps.identity.personOf(userId),
      groupOf: (conversation) => deps.identity.groupOf(conversation),
    };
  }

  /** A robot message: queued by its msgId, then acknowledged. */
  async onRobotMessage(push: DWClientDownStream): Promise<unknown> {
    const read = readRobotMessage(push.data);
    if (read.kind === "malformed") {
      this.deps.log.warn(
        { issues: read.issues, push: push.headers.messageId },
        "malformed dingtalk robot message dropped",
      );
      return {};
    }
    await this.deps.queue.enqueue(`dingtalk-msg-${read.data.msgId}`, {
      kind: "message",
      data: read.data,
      receivedAt: this.deps.now().toISOString(),
    });
    return {};
  }

  /** A button pressed on one of our cards: checked, then queued as a neutral action, then acknowledged. */
  async onCardCallback(push: DWClientDownStream): Promise<unknown> {
    const { log, prisma, directory } = this.deps;
    const read = readCardCallback(push.data);
    if (read.kind === "malformed") {
      log.warn(
        { issues: read.issues, push: push.headers.messageId },
        "malformed dingtalk card callback dropped",
      );
      return {};
    }
    const decoded = decodeCardCallback(read.data, this.deps.settings.clientSecret, this.names);
    if (decoded.kind === "malformed") {
      log.warn({ issues: decoded.issues }, "dingtalk card callback without params dropped");
      return {};
    }
    const sent = await prisma.sentMessage.findFirst({
      where: { platform: DINGTALK, platformMessageId: decoded.outTrackId },
    });
    if (decoded.kind === "forged" || !sent || sent.idempotencyKey !== decoded.messageKey) {
      log.warn({ card: decoded.outTrackId }, "forged or stale dingtalk card action refused");
      return {};
    }
    if (!decoded.personId || !directory.canSpeakIn(decoded.personId, sent.chatId)) {
      log.warn(
        { card: decoded.outTrackId, user: decoded.userId },
        "dingtalk card action by someone not in the chat refused",
      );
      return {};
    }
    const eventId = `card-${push.headers.messageId}`;
    await this.deps.queue.enqueue(`dingtalk-${eventId}`, {
      kind: "event",
      event: toQueuedEvent({
        platform: DINGTALK,
        eventId,
        chatId: sent.chatId,
        senderId: decoded.personId,
        text: "",
        mentions: [],
        action: { value: decoded.action, messageId: decoded.outTrackId },
        receivedAt: this.deps.now(),
      }),
    });
    return {};
  }

  protected override async process(job: DingtalkInboundJob): Promise<void> {
    const handlers = this.requireHandlers();
    if (job.kind === "event") {
      await handlers.handle(fromQueuedEvent(job.event));
      return;
    }
    const message = job.data;
    const decoded = decodeRobotMessage(message, this.names, this.deps.settings, new Date(job.receivedAt));
    switch (decoded.kind) {
      case "unsupported":
        this.deps.log.info({ type: decoded.messageType }, "dingtalk message kind not read");
        return this.notice(message, T.unsupported);
      case "too-long":
        return this.notice(message, T.tooLong(this.deps.settings.maxInboundChars));
      case "unknown-person":
        return this.notice(message, T.unknownPerson);
      case "unbound-group":
        await handlers.handleUnbound({
          platform: DINGTALK,
          eventId: `msg-${message.msgId}`,
          unknown: "chat",
          externalChatId: message.conversationId,
          ...(decoded.personId ? { personId: decoded.personId } : {}),
          text: decoded.text,
          addressed: true,
          binder: this.deps.identity,
          reply: (text) => this.notice(message, text),
        });
        return;
      case "event":
        await handlers.handle(decoded.event);
    }
  }

  /**
   * A short answer from the adapter itself, straight back where the message came from (a group the
   * org file may not know, or a stranger), not through the send queue, which serves the org's chats.
   */
  private async notice(message: RobotMessage, text: string): Promise<void> {
    const { api, rate } = this.deps;
    if (message.conversationType === "2") {
      await api.sendGroup(message.conversationId, "sampleText", { content: text }, (request) =>
        rate.forTarget(groupRateKey(message.conversationId), request),
      );
      return;
    }
    const userId = message.senderStaffId;
    if (!userId) return;
    await api.sendToUsers([userId], "sampleText", { content: text }, (request) =>
      rate.forTarget(userRateKey(userId), request),
    );
  }
}
