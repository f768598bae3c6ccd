/**
 * Feishu events → what they mean for the bot, as pure functions of the event and of who is who
 * (the identity's in-memory look-ups): no I/O, so recorded payloads test them directly. The
 * inbound side does what a decoded event asks — hand a neutral event to the bot, answer a notice,
 * check a card action against the sent message.
 */
import { directChatId, type InboundEvent } from "../../../core/message.ts";
import { withoutControlCharacters } from "../../../core/text.ts";
import { verifyAction } from "../action-signature.ts";
import { type FeishuMention, inboundText, readMentions } from "../feishu-content.ts";
import { FEISHU } from "../feishu-identity.ts";
import { type CardAction, cardAction, type MessageReceived, messageReceived } from "./feishu-events.ts";
import { carriesExtras, type FeishuResource, messageExtras } from "./feishu-resources.ts";

/** Who is who on Feishu, as the decoder reads it: org ids of open ids and Feishu chats, the bot. */
export interface FeishuNames {
  personOf(openId: string | undefined): string | undefined;
  groupOf(feishuChatId: string | undefined): string | undefined;
  /** The name a mention of an org person or of the bot shows (`@名字`), or undefined. */
  mentioned(mention: FeishuMention): { id: string; name: string } | undefined;
  /** Whether a mention is the bot's. */
  isBot(mention: FeishuMention): boolean;
}

/** A received message as the callback reads it: refused, left to others, or kept for the worker. */
export type ReceivedMessage =
  | { kind: "malformed"; issues: unknown[] }
  | { kind: "not-a-person" }
  | { kind: "message"; data: MessageReceived };

/** The callback's half: only a well-formed message from a person is kept. */
export function readReceivedMessage(data: unknown): ReceivedMessage {
  const parsed = messageReceived.safeParse(data);
  if (!parsed.success) return { kind: "malformed", issues: parsed.error.issues.slice(0, 3) };
  const { sender_type } = parsed.data.sender;
  if (sender_type && sender_type !== "user") return { kind: "not-a-person" }; // other bots, the system
  return { kind: "message", data: parsed.data };
}

/** What a received message is, for the worker. */
export type DecodedMessage =
  /** A kind of message the bot does not read (audio, sticker); `answer` when it was meant for the bot. */
  | { kind: "unsupported"; messageType: string; answer: boolean }
  /** Longer than the bot takes; `answer` when it was meant for the bot. */
  | { kind: "too-long"; answer: boolean }
  /** A one-to-one message from an open id the org file does not know. */
  | { kind: "unknown-person" }
  /** A group message in a Feishu chat not bound to an org chat. */
  | { kind: "unbound-group"; personId?: string; text: string; addressed: boolean }
  /**
   * Something said to the bot. `resources` are still to be downloaded into the event's attachments
   * (by the worker); `addressed`: one-to-one or mentioning the bot.
   */
  | { kind: "event"; event: InboundEvent; resources: FeishuResource[]; addressed: boolean };

export function decodeMessage(
  event: MessageReceived,
  names: FeishuNames,
  limits: { maxInboundChars: number },
  receivedAt: Date,
): DecodedMessage {
  const { message, sender } = event;
  const type = message.message_type;
  const extras = messageExtras(type, message.content);
  const empty = extras.resources.length === 0 && !extras.location;
  // Pictures, videos, files and places carry no text; one whose content cannot be read is unsupported.
  const raw = carriesExtras(type) ? (empty ? undefined : "") : inboundText(type, message.content);
  const personId = names.personOf(sender.sender_id?.open_id);
  const isDirect = message.chat_type === "p2p";
  const chatId = isDirect ? (personId ? directChatId(personId) : undefined) : names.groupOf(message.chat_id);
  if (raw === undefined) {
    const answer = isDirect || (message.mentions ?? []).some((m) => names.isBot(m));
    return { kind: "unsupported", messageType: message.message_type, answer };
  }
  const read = readMentions(raw, message.mentions ?? [], (m) => names.mentioned(m));
  const addressed = isDirect || read.mentions.includes("bot");
  if (raw.length > limits.maxInboundChars) return { kind: "too-long", answer: addressed };
  if (isDirect && !personId) return { kind: "unknown-person" };
  if (!isDirect && !chatId) return { kind: "unbound-group", personId, text: read.text, addressed };
  return {
    kind: "event",
    event: {
      platform: FEISHU,
      eventId: `msg-${message.message_id}`,
      chatId: chatId as string,
      senderId: personId ?? null,
      senderName: sender.sender_id?.open_id,
      text: read.text,
      mentions: read.mentions,
      ...(extras.location ? { location: extras.location } : {}),
      receivedAt,
    },
    resources: extras.resources,
    addressed,
  };
}

/** A pressed button or submitted form, before it is checked against the message it was sent on. */
export type DecodedCardAction =
  | { kind: "malformed"; issues: unknown[] }
  /** The value's signature does not hold: altered, copied, or not ours. */
  | { kind: "forged"; messageId?: string; value: unknown }
  | {
      kind: "action";
      /** Feishu's id of the message the button was on. */
      messageId?: string;
      /** The idempotency key the button was signed for: the sent message must have it. */
      messageKey: string;
      /** Who pressed, when the org file knows them. */
      personId?: string;
      eventId: string;
      action: NonNullable<InboundEvent["action"]>;
    };

export function decodeCardAction(
  data: unknown,
  appSecret: string,
  names: Pick<FeishuNames, "personOf">,
): DecodedCardAction {
  const parsed = cardAction.safeParse(data);
  if (!parsed.success) return { kind: "malformed", issues: parsed.error.issues.slice(0, 3) };
  return decodeParsedCardAction(parsed.data, appSecret, names);
}

function decodeParsedCardAction(
  data: CardAction,
  appSecret: string,
  names: Pick<FeishuNames, "personOf">,
): DecodedCardAction {
  const { operator, action, context } = data;
  const messageId = context.open_message_id;
  const value = verifyAction(appSecret, action.value);
  if (!value) return { kind: "forged", messageId, value: action.value };
  const personId = names.personOf(operator.open_id);
  const form = action.form_value
    ? Object.fromEntries(
        Object.entries(action.form_value).map(([k, v]) => [k, withoutControlCharacters(String(v ?? ""))]),
      )
    : undefined;
  return {
    kind: "action",
    messageId,
    messageKey: value.k,
    personId,
    eventId: `card-${data.event_id ?? `${messageId}-${personId}-${value.a}`}`,
    action: { value: value.a, messageId, ...(form ? { form } : {}) },
  };
}
