/**
 * The OpenAPI calls the adapter makes, through the SDK's `lark.Client`: each call is retried on
 * 429/5xx/timeouts with backoff that honours Feishu's hint, refreshes the token when Feishu calls
 * it invalid, and throws {@link FeishuApiError} when retrying cannot help. Calls under Feishu's
 * rate limits take `inSlot`, which runs every request of the call, each try, in a rate slot of its own.
 */
import type { Readable } from "node:stream";
import { inspect } from "node:util";
import * as lark from "@larksuiteoapi/node-sdk";
import type { Logger } from "pino";
import type { FeishuSettings, UrgentChannel } from "../feishu-settings.ts";
import { FeishuApiError, failureOfCode, failureOfThrown } from "./feishu-errors.ts";
import { timedHttpInstance } from "./feishu-http.ts";
import { TokenCache } from "./token-cache.ts";

interface Answer<T> {
  code?: number;
  msg?: string;
  data?: T;
}

export interface OutgoingMessage {
  receiveIdType: "chat_id" | "open_id";
  receiveId: string;
  msgType: "text" | "interactive" | "post" | "image" | "file" | "media";
  content: string;
  uuid: string;
}

/** A received message's resource being downloaded. */
export interface DownloadedResource {
  stream: Readable;
  /** The MIME type Feishu gave, without parameters. */
  contentType?: string;
  /** Bytes, when Feishu said. */
  size?: number;
}

/** What the SDK answers a resource download with (no code: the body is the file). */
interface ResourceAnswer {
  getReadableStream(): Readable;
  headers?: unknown;
}

const URGENT = { app: "urgentApp", sms: "urgentSms", phone: "urgentPhone" } as const;

/** Runs one request to Feishu (in a rate slot, where the caller has limits to keep). */
export type InSlot = <T>(request: () => Promise<T>) => Promise<T>;

const direct: InSlot = (request) => request();

export class FeishuApi {
  readonly client: lark.Client;
  private readonly tokens = new TokenCache();

  constructor(
    private readonly settings: Pick<
      FeishuSettings,
      "appId" | "appSecret" | "domain" | "requestTimeoutMs" | "callAttempts" | "backoffMs"
    >,
    private readonly log: Logger,
  ) {
    this.client = new lark.Client({
      // The SDK's shared HTTP client has no timeout; a half-open connection must not hang a send.
      httpInstance: timedHttpInstance(settings.requestTimeoutMs),
      appId: settings.appId,
      appSecret: settings.appSecret,
      domain: settings.domain,
      cache: this.tokens,
      loggerLevel: lark.LoggerLevel.error,
      logger: sdkLogger(log),
    });
  }

  async send(message: OutgoingMessage, inSlot: InSlot = direct): Promise<string> {
    const data = await this.call("message.create", inSlot, () =>
      this.client.im.message.create({
        params: { receive_id_type: message.receiveIdType },
        data: {
          receive_id: message.receiveId,
          msg_type: message.msgType,
          content: message.content,
          uuid: message.uuid,
        },
      }),
    );
    if (!data?.message_id) throw new FeishuApiError("no message_id in answer", { kind: "fatal", reason: "" });
    return data.message_id;
  }

  async patch(messageId: string, content: string, inSlot: InSlot = direct): Promise<void> {
    await this.call("message.patch", inSlot, () =>
      this.client.im.message.patch({ path: { message_id: messageId }, data: { content } }),
    );
  }

  /**
   * A resource of a received message (a picture, video or file) as a stream, with what the answer's
   * headers say of it; the caller reads or destroys the stream.
   */
  async resource(
    messageId: string,
    fileKey: string,
    type: "image" | "file",
    inSlot: InSlot = direct,
  ): Promise<DownloadedResource> {
    const answer = await this.call<ResourceAnswer>(
      "messageResource.get",
      inSlot,
      async () =>
        (await this.client.im.messageResource.get({
          path: { message_id: messageId, file_key: fileKey },
          params: { type },
        })) as Answer<ResourceAnswer>,
    );
    if (!answer) throw new FeishuApiError("no resource in answer", { kind: "retry", reason: "empty answer" });
    const headers = (answer.headers ?? {}) as Record<string, unknown>;
    const length = Number(headers["content-length"]);
    const contentType = typeof headers["content-type"] === "string" ? headers["content-type"] : undefined;
    return {
      stream: answer.getReadableStream(),
      contentType: contentType?.split(";")[0]?.trim() || undefined,
      size: Number.isFinite(length) && length >= 0 ? length : undefined,
    };
  }

  /** Uploads a picture to send as a message; returns its image_key. */
  async uploadImage(bytes: Uint8Array, name: string, inSlot: InSlot = direct): Promise<string> {
    const data = await this.call<{ image_key?: string }>("image.create", inSlot, () =>
      this.client.request({
        url: "/open-apis/im/v1/images",
        method: "POST",
        data: { image_type: "message", image: new File([new Uint8Array(bytes)], name) },
      }),
    );
    if (!data?.image_key) throw new FeishuApiError("no image_key in answer", { kind: "fatal", reason: "" });
    return data.image_key;
  }

  /** Uploads a file (`mp4` for a video, `stream` for anything else); returns its file_key. */
  async uploadFile(
    bytes: Uint8Array,
    name: string,
    fileType: "mp4" | "stream",
    inSlot: InSlot = direct,
  ): Promise<string> {
    const data = await this.call<{ file_key?: string }>("file.create", inSlot, () =>
      this.client.request({
        url: "/open-apis/im/v1/files",
        method: "POST",
        data: { file_type: fileType, file_name: name, file: new File([new Uint8Array(bytes)], name) },
      }),
    );
    if (!data?.file_key) throw new FeishuApiError("no file_key in answer", { kind: "fatal", reason: "" });
    return data.file_key;
  }

  /** Urgent delivery of a sent message; returns the open ids Feishu refused. */
  async urgent(
    channel: UrgentChannel,
    messageId: string,
    openIds: string[],
    inSlot: InSlot = direct,
  ): Promise<string[]> {
    const method = this.client.im.message[URGENT[channel]];
    const data = await this.call(`message.${URGENT[channel]}`, inSlot, () =>
      method({
        path: { message_id: messageId },
        params: { user_id_type: "open_id" },
        data: { user_id_list: openIds },
      }),
    );
    return data?.invalid_user_id_list ?? [];
  }

  /**
   * Open ids of the people who have read a message (bot's own messages of the last 7 days);
   */
  async readUsers(messageId: string, inSlot: InSlot = direct): Promise<string[]> {
    const ids: string[] = [];
    let pageToken: string | undefined;
    do {
      const data = await this.call("message.readUsers", inSlot, () =>
        this.client.im.message.readUsers({
          path: { message_id: messageId },
          params: { user_id_type: "open_id", page_size: 100, page_token: pageToken },
        }),
      );
      for (const item of data?.items ?? []) if (item.user_id) ids.push(item.user_id);
      pageToken = data?.has_more ? data.page_token : undefined;
    } while (pageToken);
    return ids;
  }

  /** Open ids by mobile number (at most 50 per call, as Feishu allows). */
  async openIdsByPhone(phones: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let i = 0; i < phones.length; i += 50) {
      const data = await this.call("contact.batchGetId", direct, () =>
        this.client.contact.user.batchGetId({
          params: { user_id_type: "open_id" },
          data: { mobiles: phones.slice(i, i + 50) },
        }),
      );
      for (const user of data?.user_list ?? [])
        if (user.mobile && user.user_id) found.set(user.mobile, user.user_id);
    }
    return found;
  }

  /** The bot's own open id and name, to recognise its mention. */
  async botInfo(): Promise<{ openId?: string; name?: string }> {
    const answer = (await this.call("bot.info", direct, () =>
      this.client.request({ url: "/open-apis/bot/v3/info", method: "GET" }),
    )) as unknown;
    const bot = (answer as { bot?: { open_id?: string; app_name?: string } } | undefined)?.bot;
    return { openId: bot?.open_id, name: bot?.app_name };
  }

  async isInChat(chatId: string): Promise<boolean> {
    const data = await this.call("chatMembers.isInChat", direct, () =>
      this.client.im.chatMembers.isInChat({ path: { chat_id: chatId } }),
    );
    return Boolean(data?.is_in_chat);
  }

  async grantedScopes(): Promise<string[]> {
    const data = await this.call("application.scope.list", direct, () =>
      this.client.application.scope.list(),
    );
    return (data?.scopes ?? []).filter((s) => s.grant_status === 1).map((s) => s.scope_name);
  }

  /** Fetches a tenant token now (the doctor's credential check). */
  async checkCredentials(): Promise<void> {
    this.tokens.clear();
    await this.botInfo();
  }

  private async call<T>(
    label: string,
    inSlot: InSlot,
    fn: () => Promise<Answer<T> | undefined>,
  ): Promise<T | undefined> {
    let lastReason = "";
    for (let attempt = 1; attempt <= this.settings.callAttempts; attempt++) {
      let failure: ReturnType<typeof failureOfThrown>;
      try {
        const answer = (await inSlot(fn)) as (Answer<T> & Record<string, unknown>) | undefined;
        if (!answer || answer.code === undefined || answer.code === 0)
          return (answer?.data ?? answer) as T | undefined;
        failure = failureOfCode(answer.code, answer.msg ?? "");
      } catch (error) {
        failure = failureOfThrown(error);
      }
      lastReason = failure.reason;
      if (failure.kind === "fatal") throw new FeishuApiError(`${label}: ${failure.reason}`, failure);
      if (failure.kind === "token") {
        this.tokens.clear();
        this.log.warn({ call: label, reason: failure.reason }, "feishu token refused, fetching a new one");
        continue;
      }
      if (attempt === this.settings.callAttempts) break;
      const waitMs =
        failure.waitMs ?? this.settings.backoffMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4);
      this.log.warn({ call: label, attempt, waitMs, reason: failure.reason }, "feishu call failed, retrying");
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    throw new FeishuApiError(`${label}: ${lastReason}`, { kind: "retry", reason: lastReason });
  }
}

/**
 * One part of an SDK log line as text. The SDK logs a failed download's error with its stream and
 * socket (circular): a log line must never throw, or it replaces the error the SDK rethrows.
 */
function logText(part: unknown): string {
  if (typeof part === "string") return part;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return inspect(part, { depth: 1, breakLength: Number.POSITIVE_INFINITY }).slice(0, 500);
  }
}

/** The SDK's log lines into ours. */
export function sdkLogger(log: Logger) {
  const line =
    (level: "error" | "warn" | "info" | "debug") =>
    (...msg: unknown[]) =>
      log[level]({ sdk: "lark" }, msg.map(logText).join(" "));
  return {
    error: line("error"),
    warn: line("warn"),
    info: line("info"),
    debug: line("debug"),
    trace: line("debug"),
  };
}
