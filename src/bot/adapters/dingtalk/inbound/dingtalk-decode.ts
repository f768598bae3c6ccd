/**
 * DingTalk pushes → what the bot reads, as pure functions: a robot message becomes a neutral event
 * (or a group not yet bound, a stranger, something unreadable), a card callback a checked button
 * press. DingTalk takes the robot's own @ out of the text; other people's @ stay in it as `@名字`
 * and come as `atUsers` with their userId (staffId).
 */
import { directChatId, type InboundEvent } from "../../../core/message.ts";
import { withoutControlCharacters } from "../../../core/text.ts";
import { verifyButton } from "../dingtalk-action.ts";
import { DINGTALK } from "../dingtalk-identity.ts";
import {
  type CardCallback,
  cardCallback,
  cardContent,
  type RobotMessage,
  robotMessage,
} from "./dingtalk-events.ts";

/** Who is who on DingTalk, as the decoder reads it. */
export interface DingtalkNames {
  personOf(userId: string | undefined): string | undefined;
  groupOf(openConversationId: string | undefined): string | undefined;
}

export type ReadPush<T> = { kind: "malformed"; issues: unknown[] } | { kind: "ok"; data: T };

export function readRobotMessage(data: string): ReadPush<RobotMessage> {
  const parsed = robotMessage.safeParse(parseJson(data));
  return parsed.success
    ? { kind: "ok", data: parsed.data }
    : { kind: "malformed", issues: parsed.error.issues.slice(0, 3) };
}

export function readCardCallback(data: string): ReadPush<CardCallback> {
  const parsed = cardCallback.safeParse(parseJson(data));
  return parsed.success
    ? { kind: "ok", data: parsed.data }
    : { kind: "malformed", issues: parsed.error.issues.slice(0, 3) };
}

export type DecodedMessage =
  /** Not text (a picture, voice, file, rich text): answered with a short notice. */
  | { kind: "unsupported"; messageType: string }
  | { kind: "too-long" }
  /** A one-to-one message from a userId the org file does not know. */
  | { kind: "unknown-person" }
  /** A message in a DingTalk group not bound to an org group. */
  | { kind: "unbound-group"; personId?: string; text: string }
  | { kind: "event"; event: InboundEvent };

export function decodeRobotMessage(
  message: RobotMessage,
  names: DingtalkNames,
  limits: { maxInboundChars: number },
  receivedAt: Date,
): DecodedMessage {
  if (message.msgtype !== "text" || !message.text)
    return { kind: "unsupported", messageType: message.msgtype };
  const raw = withoutControlCharacters(message.text.content).trim();
  if (raw.length > limits.maxInboundChars) return { kind: "too-long" };
  const personId = names.personOf(message.senderStaffId);
  const isDirect = message.conversationType === "1";
  if (isDirect && !personId) return { kind: "unknown-person" };
  const groupId = isDirect ? undefined : names.groupOf(message.conversationId);
  if (!isDirect && !groupId) return { kind: "unbound-group", personId, text: raw };
  const mentioned = (message.atUsers ?? [])
    .filter((u) => u.dingtalkId !== message.chatbotUserId)
    .map((u) => names.personOf(u.staffId))
    .filter((id): id is string => Boolean(id));
  // In a group the robot only hears messages that @ it.
  const mentions = isDirect ? mentioned : ["bot", ...mentioned];
  return {
    kind: "event",
    event: {
      platform: DINGTALK,
      eventId: `msg-${message.msgId}`,
      chatId: isDirect ? directChatId(personId as string) : (groupId as string),
      senderId: personId ?? null,
      ...(message.senderNick ? { senderName: message.senderNick } : {}),
      text: raw,
      mentions: [...new Set(mentions)],
      receivedAt,
    },
  };
}

export type DecodedCardCallback =
  | { kind: "malformed"; issues: unknown[] }
  /** The value's signature does not hold: altered, copied, or not ours. */
  | { kind: "forged"; outTrackId: string; value: unknown }
  | {
      kind: "action";
      outTrackId: string;
      messageKey: string;
      action: string;
      personId?: string;
      userId?: string;
    };

export function decodeCardCallback(
  callback: CardCallback,
  secret: string,
  names: DingtalkNames,
): DecodedCardCallback {
  const content = cardContent.safeParse(parseJson(callback.content));
  if (!content.success) return { kind: "malformed", issues: content.error.issues.slice(0, 3) };
  const value = content.data.cardPrivateData.params?.value;
  const verified = verifyButton(secret, value);
  if (!verified) return { kind: "forged", outTrackId: callback.outTrackId, value };
  return {
    kind: "action",
    outTrackId: callback.outTrackId,
    messageKey: verified.messageKey,
    action: verified.action,
    personId: names.personOf(callback.userId),
    userId: callback.userId,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type { CardCallback, RobotMessage };
