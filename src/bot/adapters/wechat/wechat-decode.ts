/**
 * A WeChat text message → what it says, as pure functions of what the puppet delivered: the text
 * without the bot's own @-mention, a reply code (`7 已阅`) or a bare number, and the neutral
 * events it becomes once the inbound side knows who wrote it and in which org chat.
 */
import type { InboundEvent } from "../../core/message.ts";
import { normalizeText } from "../../core/text.ts";
import { type CodeReply, isBareNumber, parseCodeReply } from "./reply-code-text.ts";
import { PLATFORM } from "./wechat-identity.ts";

/** A text message as read from the puppet (wechaty's message object), in plain data. */
export interface WechatMessageRecord {
  id: string;
  talker: { id: string; name: string };
  /** The group it was written in; absent for a one-to-one message. */
  roomId?: string;
  text: string;
  /** When it was written (ISO 8601). */
  sentAt: string;
  /** Whether it @-mentions the bot's own account. */
  mentionsBot: boolean;
}

export interface DecodedWechatMessage {
  messageId: string;
  talkerId: string;
  talkerName: string;
  roomId?: string;
  /** The text without the bot's @-mention, spaces normalised. */
  text: string;
  mentionsBot: boolean;
  /** `7 已阅` read as a reply code, else null. */
  codeReply: CodeReply | null;
  /** Only digits: an answer to a numbered question, or a reply code without its label. */
  bareNumber: boolean;
  receivedAt: Date;
}

export function decodeWechatMessage(record: WechatMessageRecord, botName: string): DecodedWechatMessage {
  const text = wechatText(record.text, botName);
  return {
    messageId: record.id,
    talkerId: record.talker.id,
    talkerName: record.talker.name,
    ...(record.roomId ? { roomId: record.roomId } : {}),
    text,
    mentionsBot: record.mentionsBot,
    codeReply: parseCodeReply(text),
    bareNumber: isBareNumber(text),
    receivedAt: new Date(record.sentAt),
  };
}

/** The text without the bot's own @-mention (WeChat separates a mention with U+2005). */
export function wechatText(raw: string, botName: string): string {
  const escaped = botName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const withoutSelf = botName ? raw.replace(new RegExp(`@${escaped}[\\u2005\\s]?`, "g"), " ") : raw;
  return normalizeText(withoutSelf.replace(/\u2005/g, " ")).replace(/\s+/g, " ");
}

/** Who wrote it and where, in org-file ids. */
export interface WechatPlace {
  chatId: string;
  personId: string;
}

/** The message as something said: `mentions` are org ids (`bot` for the bot). */
export function wechatSaid(
  message: DecodedWechatMessage,
  place: WechatPlace,
  mentions: string[],
): InboundEvent {
  return { ...base(message, place), text: message.text, mentions };
}

/** The message as a pressed button: a reply code resolved to the card's button. */
export function wechatPress(
  message: DecodedWechatMessage,
  place: WechatPlace,
  pressed: { action: string; messageKey: string },
): InboundEvent {
  return {
    ...base(message, place),
    text: "",
    mentions: [],
    action: { value: pressed.action, messageId: pressed.messageKey },
  };
}

function base(message: DecodedWechatMessage, place: WechatPlace) {
  return {
    platform: PLATFORM,
    eventId: message.messageId,
    chatId: place.chatId,
    senderId: place.personId,
    senderName: message.talkerName,
    receivedAt: message.receivedAt,
  };
}
