/**
 * WeCom's delivery end. To a person (a one-to-one chat): an app message, a card as a template card
 * with buttons. To a group (one the app created): text, a card as markdown with its typed replies.
 * Each post is recorded in `sent_message` under its key before the next one, and a key already
 * there is not posted again, so a retried delivery never posts twice; only a crash between WeCom's
 * answer and the record (or an answer lost on the way) can post one again — WeCom has no
 * idempotency key, and its duplicate check would also drop a prompt legitimately repeated. Rates:
 * see wecom-rate.ts.
 *
 * Urgent (WeCom has no DING or 加急): the message is marked 【加急】 and names the people; in a group
 * they also get the message in their chat with the app — as a template card with the buttons when
 * it has some, so they can answer where they are notified — and the repeater posts it again,
 * naming only those who have not answered, until they do or its rounds are spent (the policy's
 * `wechat.urgent` pace). `updateOf` replaces a template card in place with a response code WeCom
 * handed out for it (the send's, or the latest press's; each usable once within 72 h); a card
 * without one left keeps its buttons (the capability's notice says what changed).
 */
import type { Logger } from "pino";
import type { Directory } from "../../../core/directory.ts";
import {
  isDirectChat,
  type OutboundFile,
  type OutboundMessage,
  personOfDirectChat,
} from "../../../core/message.ts";
import { type MessageSink, PermanentDeliveryError } from "../../../core/message-sink.ts";
import type { FileStore } from "../../../core/ports.ts";
import type { DatabaseClient } from "../../../core/services.ts";
import { recordSentMessage } from "../../common/sent-message-record.ts";
import { repeatKey } from "../../common/urgent-record.ts";
import type { Repetition, UrgentRepeater } from "../../common/urgent-repeater.ts";
import type { AppMessageBody, WecomApi } from "../client/wecom-api.ts";
import { WecomApiError } from "../client/wecom-errors.ts";
import type { WecomRate } from "../client/wecom-rate.ts";
import { WECOM, type WecomIdentity } from "../wecom-identity.ts";
import { wecomTexts as T } from "../wecom-texts.ts";
import {
  renderGroupMarkdown,
  renderTemplateCard,
  renderText,
  type StoredCard,
  storedCard,
  taskIdOf,
} from "./wecom-card.ts";
import { fileBody } from "./wecom-files.ts";

/** Key suffix of the one-to-one copy of an urgent group message. */
export const URGENT_COPY = "~urgent";

interface Posted {
  id: string;
  responseCode?: string;
}

/** One post of a message, keyed in sent_message. */
interface Post {
  key: string;
  chatId: string;
  /** The people an urgent message waits for (the main post only). */
  recipients: string[];
  card?: StoredCard;
  /** Posts it; resolves to WeCom's id for it and, for a template card, the code to update it once. */
  send: () => Promise<Posted>;
}

export interface WecomSinkDeps {
  api: WecomApi;
  identity: WecomIdentity;
  rate: WecomRate;
  directory: Directory;
  prisma: DatabaseClient;
  log: Logger;
  now: () => Date;
}

export class WecomSink implements MessageSink {
  readonly name = WECOM;
  /** Tells the duty officer about a problem that did not stop the send (set when the app starts). */
  reportProblem: (text: string, key: string) => Promise<void> = async () => {};
  /** Where the files a message sends are kept (set when the app starts). */
  files?: FileStore;
  /** Repeats urgent messages (set when the app starts). */
  repeater?: UrgentRepeater;

  constructor(private readonly deps: WecomSinkDeps) {}

  serves(chatId: string): boolean {
    return this.deps.identity.canReach(chatId);
  }

  async deliver(message: OutboundMessage): Promise<void> {
    if (message.updateOf) return this.update(message);
    const posts = isDirectChat(message.chatId) ? this.personPosts(message) : this.groupPosts(message);
    if (posts.length === 0) {
      this.deps.log.debug({ chat: message.chatId }, "chat not on wecom, message skipped");
      return;
    }
    const posted = await this.postedKeys(posts);
    for (const post of posts) if (!posted.has(post.key)) await this.postOnce(post);
    // Repetitions are keyed by round, so tracking again after a retry posts nothing twice.
    const waiting = message.urgentTo ?? [];
    if (waiting.length > 0)
      this.repeater?.track({
        key: message.idempotencyKey,
        chatId: message.chatId,
        head: firstLine(message.card?.title ?? message.text ?? ""),
        waiting,
        round: 0,
        sentAt: this.deps.now(),
      });
  }

  /** A repetition of an urgent message to those who have not answered (the repeater calls it). */
  async repeat(repetition: Repetition): Promise<void> {
    const { identity, directory } = this.deps;
    const head = `${T.urgentMark}${repetition.head || T.repeatHeadUnknown}`;
    const text = [head, T.repeatNote(repetition.round, repetition.limit, directory.botName)].join("\n");
    const key = repeatKey(repetition.key, repetition.round);
    const posts: Post[] = [];
    if (!isDirectChat(repetition.chatId)) {
      const wecomChat = identity.wecomChatOf(repetition.chatId);
      const names = repetition.waiting.map((id) => directory.personName(id));
      if (wecomChat)
        posts.push(
          this.groupText(key, repetition.chatId, wecomChat, renderText(text, { mentions: names }), []),
        );
    }
    const userIds = repetition.waiting.flatMap((id) => identity.userIdOf(id) ?? []);
    if (userIds.length > 0) {
      const where = isDirectChat(repetition.chatId) ? "" : `「${directory.chatName(repetition.chatId)}」`;
      const copyKey = isDirectChat(repetition.chatId) ? key : `${key}${URGENT_COPY}`;
      posts.push(this.personText(copyKey, repetition.chatId, userIds, `${where}${text}`, []));
    }
    const posted = await this.postedKeys(posts);
    for (const post of posts) if (!posted.has(post.key)) await this.postOnce(post);
  }

  /** A one-to-one message: a template card for a card with buttons, markdown for one without, else text; then its files. */
  private personPosts(message: OutboundMessage): Post[] {
    const personId = personOfDirectChat(message.chatId);
    const userId = this.deps.identity.userIdOf(personId);
    if (!userId) return [];
    const urgent = (message.urgentTo?.length ?? 0) > 0;
    const recipients = urgent ? (message.urgentTo ?? []) : [];
    const posts: Post[] = [];
    const filesOnly = message.text === undefined && !message.card && (message.files?.length ?? 0) > 0;
    if (message.card && message.card.buttons.length > 0)
      posts.push(this.personCard(message.idempotencyKey, message.chatId, [personId], message, recipients));
    else if (message.card) {
      // A card with nothing to press is read, not answered: markdown shows all its fields.
      const content = renderGroupMarkdown(message.card, { urgent, mentions: [], botName: "" });
      posts.push({
        key: message.idempotencyKey,
        chatId: message.chatId,
        recipients,
        send: () => this.toPeople(message.chatId, [userId], { msgtype: "markdown", markdown: { content } }),
      });
    } else if (!filesOnly)
      posts.push(
        this.personText(
          message.idempotencyKey,
          message.chatId,
          [userId],
          renderText(message.text ?? "", { urgent, mentions: [] }),
          recipients,
        ),
      );
    for (const [index, file] of (message.files ?? []).entries())
      posts.push({
        key: `${message.idempotencyKey}#file-${index + 1}`,
        chatId: message.chatId,
        recipients: [],
        send: async () => this.toPeople(message.chatId, [userId], await this.fileBody(file)),
      });
    return posts;
  }

  /** A group message (markdown for a card), its files, then the urgent people's one-to-one copy. */
  private groupPosts(message: OutboundMessage): Post[] {
    const { identity, directory } = this.deps;
    const wecomChat = identity.wecomChatOf(message.chatId);
    if (!wecomChat) return [];
    const urgentTo = message.urgentTo ?? [];
    const urgent = urgentTo.length > 0;
    const names = [...new Set([...(message.mentions ?? []), ...urgentTo])].map((id) =>
      directory.personName(id),
    );
    const posts: Post[] = [];
    const filesOnly = message.text === undefined && !message.card && (message.files?.length ?? 0) > 0;
    if (message.card) {
      const content = renderGroupMarkdown(message.card, {
        urgent,
        mentions: names,
        botName: directory.botName,
      });
      posts.push({
        key: message.idempotencyKey,
        chatId: message.chatId,
        recipients: urgentTo,
        send: () =>
          this.deps.rate
            .forGroup(wecomChat, () =>
              this.deps.api.sendToGroup(wecomChat, { msgtype: "markdown", markdown: { content } }),
            )
            .then(() => ({ id: wecomChat })),
      });
    } else if (!filesOnly)
      posts.push(
        this.groupText(
          message.idempotencyKey,
          message.chatId,
          wecomChat,
          renderText(message.text ?? "", { urgent, mentions: names }),
          urgentTo,
        ),
      );
    for (const [index, file] of (message.files ?? []).entries())
      posts.push({
        key: `${message.idempotencyKey}#file-${index + 1}`,
        chatId: message.chatId,
        recipients: [],
        send: async () => {
          const body = await this.fileBody(file);
          await this.deps.rate.forGroup(wecomChat, () => this.deps.api.sendToGroup(wecomChat, body));
          return { id: wecomChat };
        },
      });
    const reachable = urgentTo.filter((id) => identity.userIdOf(id));
    const userIds = reachable.map((id) => identity.userIdOf(id) as string);
    if (userIds.length > 0) {
      const copyKey = `${message.idempotencyKey}${URGENT_COPY}`;
      const where = `「${directory.chatName(message.chatId)}」`;
      posts.push(
        message.card && message.card.buttons.length > 0
          ? this.personCard(copyKey, message.chatId, reachable, message, [])
          : this.personText(
              copyKey,
              message.chatId,
              userIds,
              renderText(`${where}${message.card?.title ?? message.text ?? ""}`, {
                urgent: true,
                mentions: [],
              }),
              [],
            ),
      );
    }
    return posts;
  }

  private personCard(
    key: string,
    chatId: string,
    people: string[],
    message: OutboundMessage,
    recipients: string[],
  ): Post {
    const userIds = people.flatMap((id) => this.deps.identity.userIdOf(id) ?? []);
    const card = message.card;
    if (!card) throw new Error("personCard without a card");
    const taskId = taskIdOf(key);
    const urgent = (message.urgentTo?.length ?? 0) > 0;
    const body: AppMessageBody = {
      msgtype: "template_card",
      template_card: renderTemplateCard(card, taskId, { urgent }),
    };
    return {
      key,
      chatId,
      recipients,
      card: { taskId, actions: card.buttons.map((b) => b.action), to: people },
      send: () => this.toPeople(chatId, userIds, body),
    };
  }

  private personText(
    key: string,
    chatId: string,
    userIds: string[],
    content: string,
    recipients: string[],
  ): Post {
    return {
      key,
      chatId,
      recipients,
      send: () => this.toPeople(chatId, userIds, { msgtype: "text", text: { content } }),
    };
  }

  private groupText(
    key: string,
    chatId: string,
    wecomChat: string,
    content: string,
    recipients: string[],
  ): Post {
    return {
      key,
      chatId,
      recipients,
      send: () =>
        this.deps.rate
          .forGroup(wecomChat, () =>
            this.deps.api.sendToGroup(wecomChat, { msgtype: "text", text: { content } }),
          )
          .then(() => ({ id: wecomChat })),
    };
  }

  /** A file as a media message (uploaded under the API limit), or its name. */
  private fileBody(file: OutboundFile): ReturnType<typeof fileBody> {
    const files = this.files;
    if (!files) throw new Error("wecom sink has no file store before the app started");
    return fileBody({ api: this.deps.api, files, inSlot: (request) => this.deps.rate.forApi(request) }, file);
  }

  /** An app message to people; those WeCom refused are reported to the duty officer. */
  private async toPeople(chatId: string, userIds: string[], body: AppMessageBody): Promise<Posted> {
    const { msgId, refused, responseCode } = await this.deps.rate.forPeople(userIds, () =>
      this.deps.api.sendToPeople(userIds, body),
    );
    if (refused.length > 0) {
      const names = refused
        .map((u) => this.deps.directory.personName(this.deps.identity.personOf(u) ?? u))
        .join("、");
      this.deps.log.warn({ chat: chatId, refused }, "wecom refused some recipients");
      await this.reportProblem(
        T.urgentFailed(this.deps.directory.chatName(chatId), names, "不在应用可见范围或未激活"),
        `refused-${msgId}`,
      ).catch((error) => this.deps.log.error({ err: error }, "could not report the refused recipients"));
    }
    return { id: msgId, ...(responseCode ? { responseCode } : {}) };
  }

  private async postedKeys(posts: readonly Post[]): Promise<Set<string>> {
    const rows = await this.deps.prisma.sentMessage.findMany({
      where: { platform: WECOM, idempotencyKey: { in: posts.map((p) => p.key) } },
      select: { idempotencyKey: true },
    });
    return new Set(rows.map((row) => row.idempotencyKey));
  }

  private async postOnce(post: Post): Promise<void> {
    const posted = await this.call(post.send);
    // The send's response code lets the card be updated once even if nobody presses it.
    const card =
      post.card && posted.responseCode ? { ...post.card, responseCode: posted.responseCode } : post.card;
    await recordSentMessage(this.deps.prisma, {
      platform: WECOM,
      idempotencyKey: post.key,
      chatId: post.chatId,
      platformMessageId: post.card?.taskId ?? posted.id,
      recipients: post.recipients,
      ...(card ? { card } : {}),
      sentAt: this.deps.now(),
    });
  }

  /**
   * Replaces the template cards sent under `updateOf` with the latest response code kept for each
   * (the send's, or a press's); a card whose code was used already is left as it is.
   */
  private async update(message: OutboundMessage): Promise<void> {
    const newCard = message.card;
    if (!newCard || !message.updateOf) return;
    const { prisma, api, rate, log } = this.deps;
    const rows = await prisma.sentMessage.findMany({
      where: {
        platform: WECOM,
        idempotencyKey: { in: [message.updateOf, `${message.updateOf}${URGENT_COPY}`] },
      },
    });
    for (const row of rows) {
      const stored = storedCard(row.card);
      if (!stored?.responseCode) {
        if (stored)
          log.debug({ key: row.idempotencyKey }, "wecom card has no response code left, left as it is");
        continue;
      }
      const rendered = renderTemplateCard(newCard, stored.taskId);
      try {
        await rate.forApi(() => api.updateCard(stored.responseCode as string, rendered));
      } catch (error) {
        if (!(error instanceof WecomApiError) || error.failure.kind !== "fatal") throw error;
        log.warn(
          { err: error, key: row.idempotencyKey },
          "wecom card update refused (response code used or expired)",
        );
      }
      const { responseCode: _used, ...rest } = stored;
      await prisma.sentMessage.update({
        where: { id: row.id },
        data: { card: { ...rest, actions: newCard.buttons.map((b) => b.action) } },
      });
    }
  }

  /** A call that failed for good becomes a permanent delivery error; a retryable one goes back to the queue. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof WecomApiError && error.failure.kind === "fatal")
        throw new PermanentDeliveryError(`企业微信拒绝：${error.failure.reason}`);
      throw error;
    }
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}
