/**
 * A decrypted WeCom callback message → what it is for the bot, as a pure function of the XML (no
 * I/O, so recorded payloads test it directly). A self-built app receives what people send it in
 * their one-to-one chat with it (text, pictures, videos, places; voice is not read), and events: button presses on its template cards
 * (`template_card_event`), entering the app. WeCom does not deliver group chat messages to a
 * self-built app (not even in groups the app created: 暂不支持接收群聊消息), so every message is
 * one-to-one.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { withoutControlCharacters } from "../../../core/text.ts";
import { readXml } from "./wecom-xml.ts";

const base = z.looseObject({
  FromUserName: z.string().min(1),
  CreateTime: z.string().regex(/^\d+$/),
  MsgType: z.string().min(1),
});

const textMessage = base.extend({
  MsgType: z.literal("text"),
  Content: z.string(),
  MsgId: z.string().min(1),
});

const cardEvent = base.extend({
  MsgType: z.literal("event"),
  Event: z.literal("template_card_event"),
  EventKey: z.string().min(1),
  TaskId: z.string().min(1),
  ResponseCode: z.string().optional(),
});

const mediaMessage = base.extend({
  MsgType: z.enum(["image", "video"]),
  MediaId: z.string().min(1),
  MsgId: z.string().min(1),
});

const coordinate = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .transform(Number);
const locationMessage = base.extend({
  MsgType: z.literal("location"),
  Location_X: coordinate,
  Location_Y: coordinate,
  Label: z.string().optional(),
  MsgId: z.string().min(1),
});

const anyEvent = base.extend({ MsgType: z.literal("event"), Event: z.string() });

/** What waits on the inbound queue (plain JSON). */
export type WecomInboundJob =
  | { kind: "text"; userId: string; text: string; msgId: string; receivedAt: string }
  | {
      kind: "card";
      userId: string;
      taskId: string;
      eventKey: string;
      responseCode?: string;
      eventId: string;
      receivedAt: string;
    }
  /** A picture or video, still to be downloaded (by the worker, never in the callback). */
  | {
      kind: "media";
      userId: string;
      msgId: string;
      mediaKind: "image" | "video";
      mediaId: string;
      receivedAt: string;
    }
  | {
      kind: "location";
      userId: string;
      msgId: string;
      latitude: number;
      longitude: number;
      label: string;
      receivedAt: string;
    }
  | { kind: "unsupported"; userId: string; msgId: string; messageType: string };

export type DecodedCallback =
  | { kind: "job"; id: string; job: WecomInboundJob }
  /** An event the bot has nothing to do with (entering the app, a location report). */
  | { kind: "ignored"; what: string }
  | { kind: "malformed"; reason: string };

export function decodeCallback(xml: string, receivedAt: Date): DecodedCallback {
  const fields = readXml(xml);
  if (!fields) return { kind: "malformed", reason: "not XML" };
  const head = base.safeParse(fields);
  if (!head.success) return { kind: "malformed", reason: "no sender or type" };
  const at = receivedAt.toISOString();
  if (head.data.MsgType === "text") {
    const text = textMessage.safeParse(fields);
    if (!text.success) return { kind: "malformed", reason: "text without content or id" };
    const { FromUserName, Content, MsgId } = text.data;
    return {
      kind: "job",
      id: `wecom-msg-${MsgId}`,
      job: {
        kind: "text",
        userId: FromUserName,
        text: withoutControlCharacters(Content).trim(),
        msgId: MsgId,
        receivedAt: at,
      },
    };
  }
  if (head.data.MsgType === "image" || head.data.MsgType === "video") {
    const media = mediaMessage.safeParse(fields);
    if (!media.success) return { kind: "malformed", reason: "media without an id" };
    const { FromUserName, MsgType, MediaId, MsgId } = media.data;
    return {
      kind: "job",
      id: `wecom-msg-${MsgId}`,
      job: {
        kind: "media",
        userId: FromUserName,
        msgId: MsgId,
        mediaKind: MsgType,
        mediaId: MediaId,
        receivedAt: at,
      },
    };
  }
  if (head.data.MsgType === "location") {
    const place = locationMessage.safeParse(fields);
    if (!place.success) return { kind: "malformed", reason: "location without coordinates" };
    const { FromUserName, Location_X, Location_Y, Label, MsgId } = place.data;
    return {
      kind: "job",
      id: `wecom-msg-${MsgId}`,
      job: {
        kind: "location",
        userId: FromUserName,
        msgId: MsgId,
        latitude: Location_X,
        longitude: Location_Y,
        label: withoutControlCharacters(Label ?? "").trim(),
        receivedAt: at,
      },
    };
  }
  if (head.data.MsgType === "event") {
    const event = anyEvent.safeParse(fields);
    if (!event.success) return { kind: "malformed", reason: "event without a name" };
    if (event.data.Event !== "template_card_event") return { kind: "ignored", what: event.data.Event };
    const card = cardEvent.safeParse(fields);
    if (!card.success) return { kind: "malformed", reason: "card event without task or key" };
    const { FromUserName, CreateTime, TaskId, EventKey, ResponseCode } = card.data;
    // A resend carries the same press; a second press differs at least in its time.
    const eventId = `card-${createHash("sha256").update([FromUserName, CreateTime, TaskId, EventKey].join("\n")).digest("hex").slice(0, 32)}`;
    return {
      kind: "job",
      id: `wecom-${eventId}`,
      job: {
        kind: "card",
        userId: FromUserName,
        taskId: TaskId,
        eventKey: EventKey,
        ...(ResponseCode ? { responseCode: ResponseCode } : {}),
        eventId,
        receivedAt: at,
      },
    };
  }
  const msgId =
    typeof fields.MsgId === "string" ? fields.MsgId : `${head.data.FromUserName}-${head.data.CreateTime}`;
  return {
    kind: "job",
    id: `wecom-msg-${msgId}`,
    job: { kind: "unsupported", userId: head.data.FromUserName, msgId, messageType: head.data.MsgType },
  };
}
