/**
 * A fake Feishu OpenAPI server on 127.0.0.1 for tests and the bench: tenant token, message
 * create/reply/patch (with `uuid` dedupe as Feishu does), urgent app/sms/phone, read users,
 * contact lookup by phone, chat membership, app scopes, 飞书登录 (OAuth authorize, token, user_info),
 * the resources of received messages (bytes a test put there) and picture and file uploads (multipart,
 * kept with their bytes under the key handed back). It records every call and answers
 * 429/500/timeouts on demand, and can hold a call until the test lets it go (to drive a race
 * deterministically), so the adapter runs its real SDK client against it.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_APP_ID = "cli_a1b2c3d4e5f60718";
export const FAKE_APP_SECRET = "fake-secret";
export const FAKE_BOT_OPEN_ID = "ou_bot";

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
  at: number;
  /** The status the fake answered with (0 for a timeout). */
  status: number;
}

export interface StoredMessage {
  messageId: string;
  receiveIdType: string;
  receiveId: string;
  msgType: string;
  content: Record<string, unknown>;
  uuid?: string;
  replyTo?: string;
  /** Content history: every patch appended. */
  patches: Record<string, unknown>[];
  urgent: { kind: "app" | "sms" | "phone"; userIds: string[] }[];
  readBy: string[];
  at: number;
}

/** A picture or file the bot uploaded (im.image.create, im.file.create). */
export interface Upload {
  kind: "image" | "file";
  /** The image_key or file_key handed back. */
  key: string;
  name: string;
  /** `file_type` of a file upload (mp4, stream, …). */
  fileType?: string;
  bytes: Buffer;
}

/** A resource of a received message, as a test put it there for the bot to download. */
interface Resource {
  bytes: Buffer;
  contentType: string;
  /** Whether the answer says its length (Feishu does). */
  withLength: boolean;
}

/** A planned fault: the next `times` calls matching `path` get it. */
export interface Fault {
  method?: string;
  path: RegExp;
  times: number;
  /** `timeout` handles the call (a send is stored) but never answers. */
  kind: "status" | "timeout" | "code";
  status?: number;
  headers?: Record<string, string>;
  /** Feishu business error code (HTTP 200 with code ≠ 0). */
  code?: number;
  msg?: string;
  /** Apply the fault only after the call took effect (e.g. a message stored, the answer lost). */
  afterEffect?: boolean;
}

/** A call held before it takes effect: `reached` resolves when it arrives, `release` lets it go on. */
export interface HeldCall {
  reached: Promise<RecordedCall>;
  release(): void;
}

interface Hold {
  method?: string;
  path: RegExp;
  arrived: (call: RecordedCall) => void;
  released: Promise<void>;
}

export interface FakeFeishuOptions {
  appId?: string;
  appSecret?: string;
  /** open_id by phone number, for the contact lookup. */
  phones?: Record<string, string>;
  /** Chats the bot is in (others answer "bot not in chat"). Undefined: every chat. */
  botChats?: string[];
  /** Scopes the app has been granted. */
  grantedScopes?: string[];
  /** Artificial latency of every answer, ms. */
  latencyMs?: number;
}

export class FakeFeishuServer {
  readonly calls: RecordedCall[] = [];
  readonly messages: StoredMessage[] = [];
  readonly uploads: Upload[] = [];
  /** Resources by `<message id>/<key>`. */
  private readonly resources = new Map<string, Resource>();
  private readonly faults: Fault[] = [];
  private readonly holds: Hold[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private readonly byUuid = new Map<string, StoredMessage>();
  private server?: Server;
  private tokenCounter = 0;
  private readonly tokens = new Set<string>();
  /** OAuth (飞书登录): codes and user access tokens handed out, each with the user's open_id. */
  private readonly oauthCodes = new Map<string, string>();
  private readonly userTokens = new Map<string, string>();
  /** The Feishu user who allows the next sign-in on the authorize page (an open_id). */
  signedInUser = "";
  url = "";

  constructor(readonly options: FakeFeishuOptions = {}) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Plans a fault for the next matching calls. */
  fail(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** Holds the next call matching `path` (and `method`) before it takes effect, until released. */
  hold(path: RegExp, method?: string): HeldCall {
    let arrived!: (call: RecordedCall) => void;
    let release!: () => void;
    const reached = new Promise<RecordedCall>((resolve) => {
      arrived = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({ method, path, arrived, released });
    return { reached, release };
  }

  /** Invalidates every token handed out so far (the next call answers "token expired"). */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** Puts a resource of a received message where the bot downloads it from. */
  putResource(
    messageId: string,
    key: string,
    bytes: Buffer,
    options: { contentType?: string; withLength?: boolean } = {},
  ): void {
    this.resources.set(`${messageId}/${key}`, {
      bytes,
      contentType: options.contentType ?? "application/octet-stream",
      withLength: options.withLength ?? true,
    });
  }

  /** The upload behind an image_key or file_key. */
  upload(key: string): Upload | undefined {
    return this.uploads.find((u) => u.key === key);
  }

  /** Marks a message read by people (open ids). */
  markRead(messageId: string, openIds: string[]): void {
    const message = this.messages.find((m) => m.messageId === messageId);
    if (message) for (const id of openIds) if (!message.readBy.includes(id)) message.readBy.push(id);
  }

  /** Resolves once `count` messages in all have been stored. */
  waitForMessages(count: number): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** Messages sent to a chat (receive id), in order. */
  messagesTo(receiveId: string): StoredMessage[] {
    return this.messages.filter((m) => m.receiveId === receiveId);
  }

  callsTo(pathPart: string | RegExp, method?: string): RecordedCall[] {
    return this.calls.filter(
      (c) =>
        (method === undefined || c.method === method) &&
        (typeof pathPart === "string" ? c.path.includes(pathPart) : pathPart.test(c.path)),
    );
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      (f) => f.times > 0 && f.path.test(path) && (f.method === undefined || f.method === method),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index] as Fault;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const rawBytes = await readBody(req);
    const raw = rawBytes.toString("utf8");
    const multipart = (req.headers["content-type"] ?? "").startsWith("multipart/form-data");
    let body: Record<string, unknown> | undefined;
    try {
      body = raw && !multipart ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    const call: RecordedCall = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      at: Date.now(),
      status: 200,
    };
    this.calls.push(call);
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));

    // Control routes for a fake running in another process (the bench): wait for messages, read them.
    if (url.pathname === "/__fake/wait") {
      await this.waitForMessages(Number(url.searchParams.get("count") ?? 0));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ messages: this.messages.length }));
      return;
    }
    if (url.pathname === "/__fake/messages") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(this.messages));
      return;
    }
    // 飞书登录's authorize page: the signed-in user allows at once and goes back with a code.
    if (method === "GET" && url.pathname === "/open-apis/authen/v1/authorize") {
      const code = `oauth-${randomBytes(6).toString("hex")}`;
      this.oauthCodes.set(code, this.signedInUser);
      const back = new URL(url.searchParams.get("redirect_uri") ?? "http://invalid/");
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      call.status = 302;
      res.writeHead(302, { location: back.toString() });
      res.end();
      return;
    }
    const held = this.holds.findIndex(
      (h) => h.path.test(url.pathname) && (h.method === undefined || h.method === method),
    );
    if (held >= 0) {
      const [hold] = this.holds.splice(held, 1) as [Hold];
      hold.arrived(call);
      await hold.released;
    }
    const fault = this.takeFault(method, url.pathname);
    if (fault && !fault.afterEffect) return this.answerFault(fault, call, res);

    if (this.knowsToken(req.headers.authorization)) {
      const resource = url.pathname.match(/^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/);
      if (method === "GET" && resource) return this.serveResource(`${resource[1]}/${resource[2]}`, call, res);
      if (method === "POST" && multipart && /^\/open-apis\/im\/v1\/(images|files)$/.test(url.pathname)) {
        const form = await new Response(new Uint8Array(rawBytes), {
          headers: { "content-type": String(req.headers["content-type"]) },
        }).formData();
        call.body = {};
        form.forEach((value, name) => {
          if (call.body) call.body[name] = typeof value === "string" ? value : "(file)";
        });
        const reply = await this.storeUpload(url.pathname.endsWith("images") ? "image" : "file", form);
        call.status = reply.status;
        res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(reply.body));
        return;
      }
    }
    const reply = this.route(method, url, body, req.headers.authorization);
    if (fault) return this.answerFault(fault, call, res);
    call.status = reply.status;
    res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(reply.body));
  }

  private knowsToken(authorization: string | undefined): boolean {
    const token = authorization?.replace(/^Bearer\s+/, "");
    return token !== undefined && this.tokens.has(token);
  }

  private serveResource(id: string, call: RecordedCall, res: ServerResponse): void {
    const resource = this.resources.get(id);
    if (!resource) {
      call.status = 400;
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: 234003, msg: "File not in msg." }));
      return;
    }
    res.writeHead(200, {
      "content-type": resource.contentType,
      ...(resource.withLength ? { "content-length": String(resource.bytes.length) } : {}),
    });
    res.end(resource.bytes);
  }

  private async storeUpload(
    kind: "image" | "file",
    form: FormData,
  ): Promise<{ status: number; body: unknown }> {
    const file = form.get(kind === "image" ? "image" : "file");
    if (!(file instanceof File) || file.size === 0)
      return ok({ code: 234001, msg: "Invalid request param: no file" });
    if (kind === "image" && form.get("image_type") !== "message")
      return ok({ code: 234001, msg: "Invalid request param: image_type" });
    const key = `${kind === "image" ? "img" : "file"}_v3_${randomBytes(6).toString("hex")}`;
    const fileType = form.get("file_type");
    this.uploads.push({
      kind,
      key,
      name: kind === "file" ? String(form.get("file_name") ?? "") : file.name,
      ...(typeof fileType === "string" ? { fileType } : {}),
      bytes: Buffer.from(await file.arrayBuffer()),
    });
    return ok({ code: 0, msg: "ok", data: kind === "image" ? { image_key: key } : { file_key: key } });
  }

  private answerFault(fault: Fault, call: RecordedCall, res: ServerResponse): void {
    if (fault.kind === "timeout") {
      call.status = 0;
      return; // never answered; the client's timeout fires
    }
    if (fault.kind === "code") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: fault.code, msg: fault.msg ?? "fault" }));
      return;
    }
    call.status = fault.status ?? 500;
    res.writeHead(call.status, { "content-type": "application/json", ...(fault.headers ?? {}) });
    res.end(JSON.stringify({ code: fault.code ?? (call.status === 429 ? 99991400 : 1), msg: "fault" }));
  }

  private route(
    method: string,
    url: URL,
    body: Record<string, unknown> | undefined,
    authorization: string | undefined,
  ): { status: number; body: unknown } {
    const path = url.pathname;
    if (path === "/open-apis/auth/v3/tenant_access_token/internal") {
      const { appId = FAKE_APP_ID, appSecret = FAKE_APP_SECRET } = this.options;
      if (body?.app_id !== appId || body?.app_secret !== appSecret)
        return ok({ code: 10014, msg: "app secret invalid" });
      this.tokenCounter += 1;
      const token = `t-${this.tokenCounter}-${randomBytes(4).toString("hex")}`;
      this.tokens.add(token);
      return ok({ code: 0, msg: "ok", tenant_access_token: token, expire: 7200 });
    }
    if (method === "POST" && path === "/open-apis/authen/v2/oauth/token") {
      const { appId = FAKE_APP_ID, appSecret = FAKE_APP_SECRET } = this.options;
      const openId = this.oauthCodes.get(String(body?.code ?? ""));
      if (body?.client_id !== appId || body?.client_secret !== appSecret || !openId)
        return { status: 400, body: { code: 20050, error: "invalid_grant" } };
      this.oauthCodes.delete(String(body?.code));
      const accessToken = `u-${randomBytes(8).toString("hex")}`;
      this.userTokens.set(accessToken, openId);
      return ok({ code: 0, access_token: accessToken, token_type: "Bearer", expires_in: 7200 });
    }
    if (method === "GET" && path === "/open-apis/authen/v1/user_info") {
      const openId = this.userTokens.get(authorization?.replace(/^Bearer\s+/, "") ?? "");
      if (!openId) return { status: 401, body: { code: 99991668, msg: "invalid user access token" } };
      return ok({ code: 0, msg: "success", data: { open_id: openId, name: "飞书用户" } });
    }
    if (path === "/callback/ws/endpoint")
      return ok({ code: 1000040350, msg: "fake feishu: no long connection here" });
    const token = authorization?.replace(/^Bearer\s+/, "");
    if (!token || !this.tokens.has(token))
      return { status: 400, body: { code: 99991663, msg: "Invalid access token for authorization" } };

    if (method === "GET" && path === "/open-apis/bot/v3/info")
      return ok({ code: 0, msg: "ok", bot: { open_id: FAKE_BOT_OPEN_ID, app_name: "快报助手" } });
    if (method === "POST" && path === "/open-apis/im/v1/messages")
      return this.create(String(url.searchParams.get("receive_id_type")), body ?? {});
    let m = path.match(/^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/);
    if (method === "POST" && m) {
      const parent = this.messages.find((x) => x.messageId === m?.[1]);
      if (!parent) return ok({ code: 230011, msg: "message not found" });
      return this.create(parent.receiveIdType, { ...body, receive_id: parent.receiveId }, parent.messageId);
    }
    m = path.match(/^\/open-apis\/im\/v1\/messages\/([^/]+)$/);
    if (method === "PATCH" && m) {
      const message = this.messages.find((x) => x.messageId === m?.[1]);
      if (!message) return ok({ code: 230011, msg: "message not found" });
      message.patches.push(JSON.parse(String(body?.content ?? "{}")) as Record<string, unknown>);
      return ok({ code: 0, msg: "ok", data: {} });
    }
    m = path.match(/^\/open-apis\/im\/v1\/messages\/([^/]+)\/urgent_(app|sms|phone)$/);
    if (method === "PATCH" && m) {
      const message = this.messages.find((x) => x.messageId === m?.[1]);
      if (!message) return ok({ code: 230011, msg: "message not found" });
      const userIds = (body?.user_id_list as string[] | undefined) ?? [];
      message.urgent.push({ kind: m[2] as "app" | "sms" | "phone", userIds });
      return ok({ code: 0, msg: "ok", data: { invalid_user_id_list: [] } });
    }
    m = path.match(/^\/open-apis\/im\/v1\/messages\/([^/]+)\/read_users$/);
    if (method === "GET" && m) {
      const message = this.messages.find((x) => x.messageId === m?.[1]);
      if (!message) return ok({ code: 230011, msg: "message not found" });
      return ok({
        code: 0,
        msg: "ok",
        data: {
          items: message.readBy.map((id) => ({ user_id_type: "open_id", user_id: id, timestamp: "0" })),
          has_more: false,
        },
      });
    }
    if (method === "POST" && path === "/open-apis/contact/v3/users/batch_get_id") {
      const mobiles = (body?.mobiles as string[] | undefined) ?? [];
      const phones = this.options.phones ?? {};
      return ok({
        code: 0,
        msg: "ok",
        data: { user_list: mobiles.map((mobile) => ({ mobile, user_id: phones[mobile] })) },
      });
    }
    m = path.match(/^\/open-apis\/im\/v1\/chats\/([^/]+)\/members\/is_in_chat$/);
    if (method === "GET" && m) {
      const inChat = this.options.botChats === undefined || this.options.botChats.includes(m[1] ?? "");
      return ok({ code: 0, msg: "ok", data: { is_in_chat: inChat } });
    }
    if (method === "GET" && path === "/open-apis/application/v6/scopes") {
      return ok({
        code: 0,
        msg: "ok",
        data: {
          scopes: (this.options.grantedScopes ?? []).map((scope_name) => ({ scope_name, grant_status: 1 })),
        },
      });
    }
    return { status: 404, body: { code: 404, msg: `fake feishu: no route ${method} ${path}` } };
  }

  private create(
    receiveIdType: string,
    body: Record<string, unknown>,
    replyTo?: string,
  ): { status: number; body: unknown } {
    const uuid = typeof body.uuid === "string" ? body.uuid : undefined;
    const existing = uuid ? this.byUuid.get(uuid) : undefined;
    if (existing) return ok({ code: 0, msg: "ok", data: { message_id: existing.messageId } });
    const receiveId = String(body.receive_id ?? "");
    if (this.options.botChats && receiveIdType === "chat_id" && !this.options.botChats.includes(receiveId))
      return { status: 400, body: { code: 230002, msg: "Bot/User can NOT be out of the chat." } };
    const message: StoredMessage = {
      messageId: `om_${randomBytes(8).toString("hex")}`,
      receiveIdType,
      receiveId,
      msgType: String(body.msg_type ?? ""),
      content: JSON.parse(String(body.content ?? "{}")) as Record<string, unknown>,
      uuid,
      replyTo,
      patches: [],
      urgent: [],
      readBy: [],
      at: Date.now(),
    };
    this.messages.push(message);
    if (uuid) this.byUuid.set(uuid, message);
    for (const waiter of this.waiters.filter((w) => w.count <= this.messages.length)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    return ok({ code: 0, msg: "ok", data: { message_id: message.messageId, chat_id: receiveId } });
  }
}

function ok(body: unknown): { status: number; body: unknown } {
  return { status: 200, body };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
