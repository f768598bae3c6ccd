/**
 * Delivers outbound messages to WeChat: renders them as text, issues a reply code for a card's
 * buttons, mentions people with real WeChat mentions, splits long texts, paces the posts, and
 * remembers each posted part (sent_message) so a retried send never posts a part twice.
 * A card's chart follows its text as a PNG picture (WeChat shows no charts of its own), then the
 * message's files, each posted as a file box (a picture shows as a picture), each keyed on its own.
 * `updateOf` messages are skipped: WeChat cannot edit a sent message, and a notice comes with them.
 * (`formOnly` messages never come here: the send queue gives them only to sinks that show forms.)
 */
import { FileBox } from "file-box";
import type { ContactInterface, RoomInterface, WechatyInterface } from "wechaty/impls";
import type { Directory } from "../../core/directory.ts";
import { isDirectChat, type OutboundMessage, personOfDirectChat } from "../../core/message.ts";
import { type MessageSink, PermanentDeliveryError } from "../../core/message-sink.ts";
import type { FileStore } from "../../core/ports.ts";
import type { DatabaseClient } from "../../core/services.ts";
import { recordSentMessage } from "../common/sent-message-record.ts";
import { repeatKey } from "../common/urgent-record.ts";
import type { Repetition, UrgentRepeater } from "../common/urgent-repeater.ts";
import type { Pacer } from "./pacer.ts";
import { renderChartPng } from "./render-chart.ts";
import { codeButtons, codeReply, renderMessage } from "./render-text.ts";
import type { ReplyCodeStore } from "./reply-codes.ts";
import { splitText } from "./split-text.ts";
import { PLATFORM, type WechatIdentity } from "./wechat-identity.ts";
import { wechatTexts as T } from "./wechat-texts.ts";

/** What the sink needs once the adapter has started (the bot, the database, the settings). */
export interface WechatSinkRuntime {
  bot: WechatyInterface;
  directory: Directory;
  identity: WechatIdentity;
  prisma: DatabaseClient;
  /** Where the files a message sends are kept. */
  files: FileStore;
  pacer: Pacer;
  repeater: UrgentRepeater;
  /** Labels sent as reply codes, shared with the inbound side. */
  codeLabels: Set<string>;
  maxMessageChars: number;
  now(): Date;
}

type Target = RoomInterface | ContactInterface;

/** One post of a message (a text part or the chart picture), keyed in sent_message. */
interface Part {
  key: string;
  chatId: string;
  /** The people an urgent message waits for (first part only). */
  recipients?: string[];
  /** Posts it; resolves to the posted message's id where the puppet gives one. */
  send: () => Promise<unknown>;
}

/** Room left in each part for the `（续 2/3）` line. */
const CONTINUED_ROOM = 16;

export class WechatSink implements MessageSink {
  readonly name = PLATFORM;
  private runtime?: WechatSinkRuntime;

  constructor(private readonly replyCodes: ReplyCodeStore) {}

  attach(runtime: WechatSinkRuntime | undefined): void {
    this.runtime = runtime;
  }

  serves(chatId: string): boolean {
    return this.runtime?.identity.servesChat(chatId) ?? false;
  }

  async deliver(message: OutboundMessage): Promise<void> {
    if (message.updateOf) return;
    const runtime = this.require();
    const target = await this.target(runtime, message.chatId);
    const buttons = codeButtons(message.card);
    for (const button of buttons) runtime.codeLabels.add(button.label);
    const code =
      buttons.length > 0
        ? await this.replyCodes.issue(message.chatId, message.idempotencyKey, buttons)
        : undefined;
    const people = [...new Set([...(message.mentions ?? []), ...(message.urgentTo ?? [])])];
    const text = renderMessage(message, code);
    // Files alone (no text, no card) are just the files.
    const filesOnly = message.text === undefined && !message.card && (message.files?.length ?? 0) > 0;
    const parts = filesOnly ? [] : await this.textParts(runtime, target, message, text, people);
    const chart = this.chartPart(runtime, target, message);
    const files = this.fileParts(runtime, target, message);
    const posted = await this.postedKeys(runtime, [...parts, ...(chart ? [chart] : []), ...files]);
    for (const part of parts) await this.postOnce(runtime, target, part, posted);
    if (chart) await this.postOnce(runtime, target, chart, posted);
    for (const part of files) await this.postOnce(runtime, target, part, posted);
    if ((message.urgentTo?.length ?? 0) > 0)
      runtime.repeater.track({
        key: message.idempotencyKey,
        chatId: message.chatId,
        head: firstLine(text),
        waiting: message.urgentTo ?? [],
        round: 0,
        sentAt: runtime.now(),
      });
  }

  /** A repetition of an urgent message, to those who have not replied yet (the repeater calls it). */
  async repeat(repetition: Repetition): Promise<void> {
    const runtime = this.require();
    const target = await this.target(runtime, repetition.chatId);
    const entry = await this.replyCodes.ofMessage(repetition.chatId, repetition.key);
    const replies = entry ? T.codeChoices(entry.buttons.map((b) => codeReply(entry.code, b.label))) : "";
    const text = [
      `${T.urgentMark}${repetition.head || T.repeatHeadUnknown}`,
      replies,
      T.repeatNote(repetition.round, repetition.limit),
    ]
      .filter(Boolean)
      .join("\n");
    const message = {
      chatId: repetition.chatId,
      idempotencyKey: repeatKey(repetition.key, repetition.round),
    };
    const parts = await this.textParts(runtime, target, message, text, repetition.waiting);
    const posted = await this.postedKeys(runtime, parts);
    for (const part of parts) await this.postOnce(runtime, target, part, posted);
  }

  /** The card's chart as a picture, posted after the text (a retry finds it in sent_message). */
  private chartPart(runtime: WechatSinkRuntime, target: Target, message: OutboundMessage): Part | undefined {
    const chart = message.card?.chart;
    if (!chart) return undefined;
    return {
      key: `${message.idempotencyKey}-chart`,
      chatId: message.chatId,
      send: () => {
        // Twice the pixels: phones show pictures on dense screens. Base64, not a buffer: puppets that
        // pass files on (puppet-service, the mock) can only serialise a FileBox of that kind.
        const { png } = renderChartPng(chart, { scale: 2 });
        return runtime.bot.puppet.messageSendFile(
          target.id,
          FileBox.fromBase64(png.toString("base64"), "chart.png"),
        );
      },
    };
  }

  /** The message's files, each a post of its own after the text (a retry finds it in sent_message). */
  private fileParts(runtime: WechatSinkRuntime, target: Target, message: OutboundMessage): Part[] {
    return (message.files ?? []).map((file, index) => ({
      key: `${message.idempotencyKey}#file-${index + 1}`,
      chatId: message.chatId,
      send: async () => {
        const bytes = await runtime.files.get(file.fileKey);
        // Base64, as for the chart: a puppet that passes files on can only serialise that kind.
        const box = FileBox.fromBase64(Buffer.from(bytes).toString("base64"), file.name);
        return runtime.bot.puppet.messageSendFile(target.id, box);
      },
    }));
  }

  /** Which of a message's parts sent_message says were posted already: one query for them all. */
  private async postedKeys(runtime: WechatSinkRuntime, parts: readonly Part[]): Promise<Set<string>> {
    const rows = await runtime.prisma.sentMessage.findMany({
      where: { platform: PLATFORM, idempotencyKey: { in: parts.map((part) => part.key) } },
      select: { idempotencyKey: true },
    });
    return new Set(rows.map((row) => row.idempotencyKey));
  }

  /**
   * Posts one part unless it was posted already, waiting for the pace first, and records it at once:
   * a retried delivery never posts a part twice.
   */
  private async postOnce(
    runtime: WechatSinkRuntime,
    target: Target,
    part: Part,
    posted: ReadonlySet<string>,
  ): Promise<void> {
    if (posted.has(part.key)) return;
    await runtime.pacer.wait(target.id);
    const postedId = await part.send();
    await recordSentMessage(runtime.prisma, {
      platform: PLATFORM,
      idempotencyKey: part.key,
      chatId: part.chatId,
      platformMessageId: typeof postedId === "string" ? postedId : "",
      recipients: part.recipients ?? [],
      sentAt: runtime.now(),
    });
  }

  /** The text's parts as WeChat gets them: split to its length limit, mentions on the first. */
  private async textParts(
    runtime: WechatSinkRuntime,
    target: Target,
    message: Pick<OutboundMessage, "chatId" | "idempotencyKey" | "urgentTo">,
    text: string,
    people: string[],
  ): Promise<Part[]> {
    // Mentions are written the way WeChat writes them (`@群昵称` + U+2005) before waiting for the
    // slot, so the post goes out the moment the slot comes (wechaty's own say() looks them up after).
    const contacts = isRoom(target) ? await this.mentionContacts(runtime, people) : [];
    const mentionText = isRoom(target) ? await mentionLine(target, contacts) : "";
    const texts = splitText(text, runtime.maxMessageChars - CONTINUED_ROOM - [...mentionText].length);
    return texts.map((part, index) => {
      const continued = texts.length > 1 && index > 0 ? `${T.continued(index + 1, texts.length)}\n` : "";
      const first = index === 0 && contacts.length > 0;
      const body = first ? `${mentionText}${part}` : `${continued}${part}`;
      return {
        key: partKey(message.idempotencyKey, index),
        chatId: message.chatId,
        recipients: index === 0 ? (message.urgentTo ?? []) : [],
        send: () =>
          runtime.bot.puppet.messageSendText(target.id, body, first ? contacts.map((c) => c.id) : undefined),
      };
    });
  }

  private async mentionContacts(runtime: WechatSinkRuntime, people: string[]): Promise<ContactInterface[]> {
    const contacts: ContactInterface[] = [];
    for (const personId of people) {
      const contact = await runtime.identity.contactOf(runtime.bot, personId);
      if (contact) contacts.push(contact);
    }
    return contacts;
  }

  private async target(runtime: WechatSinkRuntime, chatId: string): Promise<Target> {
    if (!runtime.bot.isLoggedIn) throw new Error("微信未登录，稍后重试");
    if (isDirectChat(chatId)) {
      const personId = personOfDirectChat(chatId);
      const contact = await runtime.identity.contactOf(runtime.bot, personId);
      if (!contact)
        throw new PermanentDeliveryError(`微信里找不到 ${runtime.directory.personName(personId)}`);
      return contact;
    }
    const room = await runtime.identity.roomOf(runtime.bot, chatId);
    if (!room) throw new PermanentDeliveryError(`微信里找不到群「${runtime.directory.chatName(chatId)}」`);
    return room;
  }

  private require(): WechatSinkRuntime {
    if (!this.runtime) throw new Error("微信尚未启动，稍后重试");
    return this.runtime;
  }
}

/** `@张三\u2005@钱镇长 `: WeChat's own mention format, with the room nickname where there is one. */
async function mentionLine(room: RoomInterface, contacts: ContactInterface[]): Promise<string> {
  if (contacts.length === 0) return "";
  const names = await Promise.all(contacts.map(async (c) => `@${(await room.alias(c)) || c.name()}`));
  return `${names.join(MENTION_SEPARATOR)} `;
}

/** WeChat separates mentions with a four-per-em space. */
const MENTION_SEPARATOR = "\u2005";

function isRoom(target: Target): target is RoomInterface {
  return "topic" in target;
}

function partKey(key: string, index: number): string {
  return index === 0 ? key : `${key}#${index + 1}`;
}

function firstLine(text: string): string {
  const body = text.startsWith(T.urgentMark) ? text.slice(T.urgentMark.length) : text;
  return body.split("\n")[0] ?? "";
}
