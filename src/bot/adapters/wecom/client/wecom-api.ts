/**
 * The WeCom server API calls the adapter makes, over plain HTTPS (there is no official Node SDK for
 * the server API; Node's fetch keeps connections alive). Each call carries the app's access_token,
 * is retried on 5xx, timeouts and busy or over-limit answers with backoff (a wait longer than
 * `maxInCallWaitMs` goes back to the caller, whose queue retries later), fetches a new token once
 * when WeCom calls it invalid, and throws {@link WecomApiError} when retrying cannot help. Calls
 * under rate limits take `inSlot`, which runs every try in a slot of its own.
 */
import type { Logger } from "pino";
import { z } from "zod";
import type { WecomSettings } from "../wecom-settings.ts";
import { failureOfCode, failureOfStatus, WecomApiError, type WecomFailure } from "./wecom-errors.ts";
import { WecomToken } from "./wecom-token.ts";

/** Runs one request to WeCom (in a rate slot, where the caller has limits to keep). */
export type InSlot = <T>(request: () => Promise<T>) => Promise<T>;

const direct: InSlot = (request) => request();

const answer = z.looseObject({ errcode: z.number().optional(), errmsg: z.string().optional() });

const tokenAnswer = z.looseObject({ access_token: z.string(), expires_in: z.number() });
const sendAnswer = z.looseObject({
  msgid: z.string().optional(),
  /** Given for a template card: one update of it (72 h), before anyone presses. */
  response_code: z.string().optional(),
  invaliduser: z.string().optional(),
  unlicenseduser: z.string().optional(),
});
const userIdAnswer = z.looseObject({ userid: z.string() });
const mediaAnswer = z.looseObject({ media_id: z.string() });

/** What WeCom's media upload takes (voice is not sent by the bot). */
export type MediaKind = "image" | "video" | "file";
const chatAnswer = z.looseObject({ chatid: z.string() });
const chatInfoAnswer = z.looseObject({
  chat_info: z.looseObject({
    chatid: z.string(),
    name: z.string().optional(),
    userlist: z.array(z.string()),
  }),
});
const agentAnswer = z.looseObject({
  agentid: z.number().optional(),
  name: z.string().optional(),
  allow_userinfos: z.looseObject({ user: z.array(z.looseObject({ userid: z.string() })) }).optional(),
  allow_partys: z.looseObject({ partyid: z.array(z.number()) }).optional(),
});

/** A medium being downloaded: a stream of its bytes, to give up early with `cancel`. */
export interface DownloadedMedia {
  stream: AsyncIterable<Uint8Array>;
  cancel(): void;
  contentType?: string;
  size?: number;
}

/** A template card as `message/send` and `update_template_card` take it (see outbound/wecom-card.ts). */
export type TemplateCard = Record<string, unknown> & { card_type: string; task_id?: string };

/** What `message/send` takes besides `touser` and `agentid`. */
/** A media message's body, by an uploaded media_id. */
export type MediaBody =
  | { msgtype: "image"; image: { media_id: string } }
  | { msgtype: "video"; video: { media_id: string } }
  | { msgtype: "file"; file: { media_id: string } };

export type AppMessageBody =
  | MediaBody
  | { msgtype: "text"; text: { content: string } }
  | { msgtype: "markdown"; markdown: { content: string } }
  | { msgtype: "template_card"; template_card: TemplateCard };

/** What `appchat/send` takes besides `chatid`. */
export type GroupMessageBody =
  | MediaBody
  | { msgtype: "text"; text: { content: string } }
  | { msgtype: "markdown"; markdown: { content: string } };

export class WecomApi {
  private readonly token: WecomToken;

  constructor(
    private readonly settings: Pick<
      WecomSettings,
      | "corpId"
      | "agentId"
      | "secret"
      | "baseUrl"
      | "requestTimeoutMs"
      | "callAttempts"
      | "backoffMs"
      | "maxInCallWaitMs"
    >,
    private readonly log: Logger,
  ) {
    this.token = new WecomToken(() => this.fetchToken());
  }

  /**
   * An app message to people (`touser`: userids); the userids WeCom refused come back, and for a
   * template card the response code that lets the app update it once.
   */
  async sendToPeople(
    userIds: readonly string[],
    body: AppMessageBody,
    inSlot: InSlot = direct,
  ): Promise<{ msgId: string; refused: string[]; responseCode?: string }> {
    const answered = await this.call(
      "POST",
      "/cgi-bin/message/send",
      {
        touser: userIds.join("|"),
        agentid: this.settings.agentId,
        ...body,
        // WeCom's duplicate check is left off: it would also drop a prompt legitimately sent twice
        // (the same error answer to the same mistake); sent_message keeps retries from posting twice.
      },
      sendAnswer,
      inSlot,
    );
    const refused = [answered.invaliduser, answered.unlicenseduser]
      .flatMap((list) => (list ? list.split("|") : []))
      .filter(Boolean);
    return {
      msgId: answered.msgid ?? "",
      refused,
      ...(answered.response_code ? { responseCode: answered.response_code } : {}),
    };
  }

  /** A message posted in a group the app created. */
  async sendToGroup(chatId: string, body: GroupMessageBody, inSlot: InSlot = direct): Promise<void> {
    await this.call("POST", "/cgi-bin/appchat/send", { chatid: chatId, ...body, safe: 0 }, answer, inSlot);
  }

  /** Replaces a template card everywhere it was sent, with the response code of a press on it (72 h, once). */
  async updateCard(responseCode: string, card: TemplateCard, inSlot: InSlot = direct): Promise<void> {
    await this.call(
      "POST",
      "/cgi-bin/message/update_template_card",
      { atall: 1, agentid: this.settings.agentId, response_code: responseCode, template_card: card },
      answer,
      inSlot,
    );
  }

  /** Uploads a temporary media file (3 days) for an image, video or file message; its media_id. */
  async uploadMedia(
    kind: MediaKind,
    bytes: Uint8Array,
    name: string,
    inSlot: InSlot = direct,
  ): Promise<string> {
    const uploaded = await this.call(
      "POST",
      "/cgi-bin/media/upload",
      { type: kind },
      mediaAnswer,
      inSlot,
      () => {
        const form = new FormData();
        form.append("media", new Blob([new Uint8Array(bytes)]), name);
        return form;
      },
    );
    return uploaded.media_id;
  }

  /**
   * A medium a person sent (a picture, a video), streamed: its bytes with WeCom's type and length.
   * An expired token is fetched again once; any other failure throws (the queued event is retried).
   */
  async downloadMedia(mediaId: string, inSlot: InSlot = direct): Promise<DownloadedMedia> {
    for (let refreshed = false; ; refreshed = true) {
      const token = await this.tokenOrThrow();
      const url = new URL("/cgi-bin/media/get", `${this.settings.baseUrl}/`);
      url.searchParams.set("access_token", token);
      url.searchParams.set("media_id", mediaId);
      const response = await inSlot(() =>
        fetch(url, { signal: AbortSignal.timeout(this.settings.requestTimeoutMs * 6) }),
      ).catch((error: Error) => {
        throw new WecomApiError(`企业微信 media/get 失败：${error.name}`, {
          kind: "retry",
          reason: error.name,
        });
      });
      const type = response.headers.get("content-type") ?? "";
      if (response.ok && response.body && !/json|text\/plain/.test(type)) {
        const length = Number(response.headers.get("content-length"));
        return {
          stream: response.body as unknown as AsyncIterable<Uint8Array>,
          cancel: () => void response.body?.cancel().catch(() => undefined),
          ...(type ? { contentType: type.split(";")[0]?.trim() } : {}),
          ...(Number.isFinite(length) && length > 0 ? { size: length } : {}),
        };
      }
      const why = response.ok
        ? await failureOfBody(response)
        : failureOfStatus(response.status, response.headers.get("retry-after"));
      if (why.kind === "token" && !refreshed) {
        this.token.invalidate(token);
        continue;
      }
      throw new WecomApiError(`企业微信 media/get 失败：${why.reason}`, why);
    }
  }

  /** A member's userid from a mobile number; undefined when nobody in the corp has it (46004). */
  async userIdByMobile(mobile: string, inSlot: InSlot = direct): Promise<string | undefined> {
    try {
      const found = await this.call("POST", "/cgi-bin/user/getuserid", { mobile }, userIdAnswer, inSlot);
      return found.userid;
    } catch (error) {
      if (error instanceof WecomApiError && error.failure.kind === "fatal" && error.failure.code === 46004)
        return undefined;
      throw error;
    }
  }

  /** Creates an app group chat with these members; `chatId` (letters and digits, ≤ 32) names it. */
  async createGroup(
    group: { name: string; owner?: string; userIds: readonly string[]; chatId: string },
    inSlot: InSlot = direct,
  ): Promise<string> {
    const created = await this.call(
      "POST",
      "/cgi-bin/appchat/create",
      { name: group.name, owner: group.owner, userlist: group.userIds, chatid: group.chatId },
      chatAnswer,
      inSlot,
    );
    return created.chatid;
  }

  /** An app group's members, or undefined when the app did not create it (or it is gone). */
  async groupMembers(chatId: string, inSlot: InSlot = direct): Promise<string[] | undefined> {
    try {
      const info = await this.call("GET", "/cgi-bin/appchat/get", { chatid: chatId }, chatInfoAnswer, inSlot);
      return info.chat_info.userlist;
    } catch (error) {
      if (error instanceof WecomApiError && error.failure.kind === "fatal") return undefined;
      throw error;
    }
  }

  /** The app's name and visible range (the doctor's check). */
  agent(inSlot: InSlot = direct): Promise<z.infer<typeof agentAnswer>> {
    return this.call(
      "GET",
      "/cgi-bin/agent/get",
      { agentid: String(this.settings.agentId) },
      agentAnswer,
      inSlot,
    );
  }

  /** Fetches a token now (the doctor's credential check). */
  checkCredentials(): Promise<string> {
    return this.token.get();
  }

  private async fetchToken(): Promise<{ token: string; expiresInSeconds: number }> {
    const got = await this.request(
      "GET",
      "/cgi-bin/gettoken",
      { corpid: this.settings.corpId, corpsecret: this.settings.secret },
      tokenAnswer,
    );
    if (!got.ok) {
      const failure = got.failure.kind === "token" ? { ...got.failure, kind: "fatal" as const } : got.failure;
      throw new WecomApiError(`企业微信 gettoken 失败：${failure.reason}`, failure);
    }
    return { token: got.value.access_token, expiresInSeconds: got.value.expires_in };
  }

  private async call<T>(
    method: "GET" | "POST",
    path: string,
    payload: Record<string, unknown>,
    schema: z.ZodType<T>,
    inSlot: InSlot,
    form?: () => FormData,
  ): Promise<T> {
    const { callAttempts, backoffMs, maxInCallWaitMs } = this.settings;
    let refreshed = false;
    let last: WecomFailure = { kind: "retry", reason: "not tried" };
    for (let attempt = 1; attempt <= callAttempts; attempt++) {
      const token = await this.tokenOrThrow();
      const got = await inSlot(() =>
        this.request(method, path, { ...payload, access_token: token }, schema, form),
      );
      if (got.ok) return got.value;
      last = got.failure;
      if (last.kind === "fatal") break;
      if (last.kind === "token") {
        this.token.invalidate(token);
        if (refreshed) break;
        refreshed = true;
        attempt -= 1; // a token refresh is not a try
        continue;
      }
      const waitMs = last.waitMs ?? backoffMs * 2 ** (attempt - 1);
      if (waitMs > maxInCallWaitMs || attempt === callAttempts) break;
      this.log.debug({ path, attempt, waitMs, reason: last.reason }, "wecom call retried");
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    throw new WecomApiError(`企业微信 ${path} 失败：${last.reason}`, last);
  }

  private async tokenOrThrow(): Promise<string> {
    try {
      return await this.token.get();
    } catch (error) {
      if (error instanceof WecomApiError) throw error;
      throw new WecomApiError(`企业微信 gettoken 失败：${(error as Error).message}`, {
        kind: "retry",
        reason: (error as Error).message,
      });
    }
  }

  /**
   * One HTTP request: the parsed answer, or why it failed. GET sends the payload as the query; POST
   * as a JSON body, or — with a form (an upload) — the form as the body and the payload as the query.
   */
  private async request<T>(
    method: "GET" | "POST",
    path: string,
    payload: Record<string, unknown>,
    schema: z.ZodType<T>,
    form?: () => FormData,
  ): Promise<{ ok: true; value: T } | { ok: false; failure: WecomFailure }> {
    const url = new URL(path, `${this.settings.baseUrl}/`);
    const { access_token, ...body } = payload;
    const query = method === "GET" || form ? payload : { access_token };
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    let response: Response;
    try {
      // fetch writes a form's multipart Content-Type itself, with the boundary.
      response = await fetch(url, {
        method,
        headers: method === "POST" && !form ? { "content-type": "application/json; charset=utf-8" } : {},
        body: form ? form() : method === "POST" ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.settings.requestTimeoutMs),
      });
    } catch (error) {
      return { ok: false, failure: { kind: "retry", reason: (error as Error).name } };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, failure: failureOfStatus(response.status, response.headers.get("retry-after")) };
    }
    let data: unknown;
    try {
      data = await response.json();
    } catch {
      return { ok: false, failure: { kind: "retry", reason: "answer is not JSON" } };
    }
    const head = answer.safeParse(data);
    const code = head.success ? (head.data.errcode ?? 0) : 0;
    if (code !== 0) return { ok: false, failure: failureOfCode(code, head.data?.errmsg ?? "") };
    const parsed = schema.safeParse(data);
    if (!parsed.success)
      return { ok: false, failure: { kind: "fatal", reason: `unexpected answer to ${path}` } };
    return { ok: true, value: parsed.data };
  }
}

/** What a JSON answer in place of a download says went wrong. */
async function failureOfBody(response: Response): Promise<WecomFailure> {
  try {
    const head = answer.safeParse(await response.json());
    return failureOfCode(head.data?.errcode ?? -1, head.data?.errmsg ?? "");
  } catch {
    return { kind: "retry", reason: "answer is neither media nor JSON" };
  }
}
