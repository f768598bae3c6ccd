/**
 * Feishu event payloads as Feishu sends them (schema 2.0: header + event), and webhook requests
 * encrypted and signed the way Feishu does, for tests and the bench.
 */
import { createCipheriv, createHash, randomBytes } from "node:crypto";

let counter = 0;
const nextId = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(3).toString("hex")}`;

function envelope(eventType: string, event: Record<string, unknown>, token: string, eventId = nextId("ev")) {
  return {
    schema: "2.0",
    header: {
      event_id: eventId,
      event_type: eventType,
      create_time: String(Date.now()),
      token,
      app_id: "cli_a1b2c3d4e5f60718",
      tenant_key: "tenant",
    },
    event,
  };
}

export interface MentionSpec {
  openId: string;
  name: string;
}

/** A text message: `@{0}`, `@{1}` … in `text` mark where the mentions go (`@_user_1` …). */
export function messageEvent(options: {
  chatId: string;
  chatType?: "group" | "p2p";
  senderOpenId: string;
  text: string;
  mentions?: MentionSpec[];
  token?: string;
  messageId?: string;
  eventId?: string;
  messageType?: string;
  content?: string;
}) {
  const mentions = (options.mentions ?? []).map((m, i) => ({
    key: `@_user_${i + 1}`,
    id: { open_id: m.openId, union_id: `on_${m.openId}`, user_id: "" },
    name: m.name,
    tenant_key: "tenant",
  }));
  let text = options.text;
  mentions.forEach((m, i) => {
    text = text.split(`@{${i}}`).join(m.key);
  });
  return envelope(
    "im.message.receive_v1",
    {
      sender: { sender_id: { open_id: options.senderOpenId }, sender_type: "user", tenant_key: "tenant" },
      message: {
        message_id: options.messageId ?? nextId("om"),
        chat_id: options.chatId,
        chat_type: options.chatType ?? "group",
        message_type: options.messageType ?? "text",
        content: options.content ?? JSON.stringify({ text }),
        mentions,
        create_time: String(Date.now()),
      },
    },
    options.token ?? "",
    options.eventId,
  );
}

export function cardActionEvent(options: {
  operatorOpenId: string;
  value: unknown;
  messageId: string;
  chatId: string;
  formValue?: Record<string, string>;
  token?: string;
  eventId?: string;
}) {
  return envelope(
    "card.action.trigger",
    {
      operator: { open_id: options.operatorOpenId, tenant_key: "tenant" },
      token: "c-token",
      action: {
        tag: "button",
        value: options.value,
        ...(options.formValue ? { form_value: options.formValue } : {}),
      },
      context: { open_message_id: options.messageId, open_chat_id: options.chatId },
    },
    options.token ?? "",
    options.eventId,
  );
}

export function botAddedEvent(options: { chatId: string; operatorOpenId: string; token?: string }) {
  return envelope(
    "im.chat.member.bot.added_v1",
    {
      chat_id: options.chatId,
      name: "某个群",
      operator_id: { open_id: options.operatorOpenId },
      external: false,
    },
    options.token ?? "",
  );
}

export function encrypt(encryptKey: string, plain: string): string {
  const key = createHash("sha256").update(encryptKey).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", key, iv);
  return Buffer.concat([iv, cipher.update(plain, "utf8"), cipher.final()]).toString("base64");
}

/** A webhook request as Feishu sends it: encrypted body, timestamp, nonce and signature headers. */
export function signedRequest(
  encryptKey: string,
  payload: unknown,
  options: { timestamp?: number; sign?: boolean } = {},
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ encrypt: encrypt(encryptKey, JSON.stringify(payload)) });
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString("hex");
  const signature = createHash("sha256")
    .update(timestamp + nonce + encryptKey + body)
    .digest("hex");
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.sign !== false) {
    headers["x-lark-request-timestamp"] = timestamp;
    headers["x-lark-request-nonce"] = nonce;
    headers["x-lark-signature"] = signature;
  }
  return { body, headers };
}
