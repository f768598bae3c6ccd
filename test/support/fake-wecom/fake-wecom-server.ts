/**
 * A fake WeCom server API on 127.0.0.1 for tests and the bench: gettoken (tokens it can expire),
 * message/send (text, markdown, template cards with the response code of their send; WeCom's
 * duplicate check on identical content when asked),
 * media/upload (multipart, kept with their bytes), appchat/send/create/get, update_template_card (with the response codes a press hands out, once
 * each), user/getuserid, agent/get. It records every call, answers 5xx, timeouts and error codes
 * (45009 over the limit, 42001 expired token …) on demand, and can hold back its answers (latency),
 * so the adapter runs its real client against it.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_CORP_ID = "ww1234567890abcdef";
export const FAKE_AGENT_ID = 1000002;
export const FAKE_SECRET = "fake-wecom-secret";

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
  at: number;
  /** The status the fake answered with (0 for a timeout). */
  status: number;
}

/** A message the app sent: to people (`touser`) or into an app group (`chatid`). */
export interface SentWecomMessage {
  msgId: string;
  kind: "people" | "group";
  /** The userids, or the one chatid. */
  to: string[];
  msgtype: string;
  body: Record<string, unknown>;
  /** The template card's task, when it is one. */
  taskId?: string;
  /** Updates of the template card, in order (update_template_card). */
  updates: Record<string, unknown>[];
  at: number;
}

/** A planned fault: the next `times` calls matching `path` get it. */
export interface Fault {
  path: RegExp;
  times: number;
  kind: "status" | "timeout" | "code";
  status?: number;
  headers?: Record<string, string>;
  /** WeCom errcode (HTTP 200 with errcode ≠ 0). */
  code?: number;
  /** Apply the fault only after the call took effect (the message stored, the answer lost). */
  afterEffect?: boolean;
}

export interface FakeWecomOptions {
  /** The corp whose tokens it hands out (FAKE_CORP_ID unless given). */
  corpId?: string;
  /** userid by mobile, for user/getuserid. */
  phones?: Record<string, string>;
  /** Userids in the app's visible range; undefined: everyone. Others come back in `invaliduser`. */
  users?: string[];
  /** Artificial latency of every answer, ms. */
  latencyMs?: number;
}

export class FakeWecomServer {
  readonly calls: RecordedCall[] = [];
  readonly messages: SentWecomMessage[] = [];
  /** Uploaded media by media_id. */
  readonly uploads = new Map<string, { type: string; name: string; bytes: Buffer; contentType?: string }>();
  /** App groups: chatid → members. */
  readonly groups = new Map<string, { name: string; members: string[] }>();
  private readonly faults: Fault[] = [];
  private readonly tokens = new Set<string>();
  /** Response codes handed out with presses: code → task id. */
  private readonly responseCodes = new Map<string, string>();
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private server?: Server;
  private counter = 0;
  url = "";

  constructor(readonly options: FakeWecomOptions = {}) {}

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

  fail(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** Invalidates every token handed out so far (the next call answers 42001). */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** A medium a person sent, for the bot to download by its media_id. */
  putMedia(mediaId: string, bytes: Buffer, contentType: string): void {
    this.uploads.set(mediaId, {
      type: contentType.startsWith("video") ? "video" : "image",
      name: mediaId,
      bytes,
      contentType,
    });
  }

  /** A response code for a press on the card of `taskId`, as WeCom puts in the callback. */
  responseCodeFor(taskId: string): string {
    const code = `rc-${randomBytes(8).toString("hex")}`;
    this.responseCodes.set(code, taskId);
    return code;
  }

  /** Resolves once `count` messages in all have been sent. */
  waitForMessages(count: number): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** Messages to a person (userid) or into a group (chatid), in order. */
  messagesTo(id: string): SentWecomMessage[] {
    return this.messages.filter((m) => m.to.includes(id));
  }

  callsTo(pathPart: string): RecordedCall[] {
    return this.calls.filter((c) => c.path.includes(pathPart));
  }

  private takeFault(path: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.times > 0 && f.path.test(path));
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
    const multipart = (req.headers["content-type"] ?? "").startsWith("multipart/form-data");
    const raw = multipart ? "" : rawBytes.toString("utf8");
    let body: Record<string, unknown> | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
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
    // Control routes for a fake running in another process (the bench).
    if (url.pathname === "/__fake/wait") {
      await this.waitForMessages(Number(url.searchParams.get("count") ?? 0));
      return send(res, 200, { messages: this.messages.length });
    }
    if (url.pathname === "/__fake/messages") return send(res, 200, this.messages);
    const fault = this.takeFault(url.pathname);
    if (fault && !fault.afterEffect) return this.answerFault(fault, call, res);
    const reply =
      method === "POST" && multipart && url.pathname === "/cgi-bin/media/upload"
        ? await this.upload(url, rawBytes, String(req.headers["content-type"]))
        : this.route(method, url, body ?? {});
    if (fault) return this.answerFault(fault, call, res);
    call.status = reply.status;
    if (Buffer.isBuffer(reply.body)) {
      res.writeHead(reply.status, {
        "content-type": reply.contentType ?? "application/octet-stream",
        "content-length": reply.body.length,
      });
      res.end(reply.body);
      return;
    }
    send(res, reply.status, reply.body);
  }

  private answerFault(fault: Fault, call: RecordedCall, res: ServerResponse): void {
    if (fault.kind === "timeout") {
      call.status = 0;
      return;
    }
    if (fault.kind === "code") {
      send(res, 200, { errcode: fault.code, errmsg: "fault" });
      return;
    }
    call.status = fault.status ?? 500;
    res.writeHead(call.status, { "content-type": "text/html", ...(fault.headers ?? {}) });
    res.end("<html>fault</html>");
  }

  private route(method: string, url: URL, body: Record<string, unknown>): Reply {
    const path = url.pathname;
    if (method === "GET" && path === "/cgi-bin/gettoken") {
      if (url.searchParams.get("corpid") !== (this.options.corpId ?? FAKE_CORP_ID))
        return ok({ errcode: 40013, errmsg: "invalid corpid" });
      if (url.searchParams.get("corpsecret") !== FAKE_SECRET)
        return ok({ errcode: 40001, errmsg: "invalid credential" });
      const token = `tk-${++this.counter}-${randomBytes(4).toString("hex")}`;
      this.tokens.add(token);
      return ok({ errcode: 0, errmsg: "ok", access_token: token, expires_in: 7200 });
    }
    const token = url.searchParams.get("access_token");
    if (!token) return ok({ errcode: 41001, errmsg: "access_token missing" });
    if (!this.tokens.has(token)) return ok({ errcode: 42001, errmsg: "access_token expired" });

    if (method === "POST" && path === "/cgi-bin/message/send") return this.sendToPeople(body);
    if (method === "POST" && path === "/cgi-bin/appchat/send") {
      const chatId = String(body.chatid ?? "");
      if (this.groups.size > 0 && !this.groups.has(chatId))
        return ok({ errcode: 86003, errmsg: "chat not exist" });
      this.store("group", [chatId], body);
      return ok({ errcode: 0, errmsg: "ok" });
    }
    if (method === "POST" && path === "/cgi-bin/message/update_template_card") {
      const taskId = this.responseCodes.get(String(body.response_code ?? ""));
      if (!taskId) return ok({ errcode: 40151, errmsg: "invalid response_code" });
      this.responseCodes.delete(String(body.response_code));
      const card = (body.template_card ?? {}) as Record<string, unknown>;
      for (const message of this.messages) if (message.taskId === taskId) message.updates.push(card);
      return ok({ errcode: 0, errmsg: "ok" });
    }
    if (method === "GET" && path === "/cgi-bin/media/get") {
      const media = this.uploads.get(url.searchParams.get("media_id") ?? "");
      if (!media) return ok({ errcode: 40007, errmsg: "invalid media_id" });
      return { status: 200, body: media.bytes, contentType: media.contentType ?? "application/octet-stream" };
    }
    if (method === "POST" && path === "/cgi-bin/user/getuserid") {
      const userid = this.options.phones?.[String(body.mobile ?? "")];
      return userid
        ? ok({ errcode: 0, errmsg: "ok", userid })
        : ok({ errcode: 46004, errmsg: "user no exist" });
    }
    if (method === "POST" && path === "/cgi-bin/appchat/create") {
      const chatId = String(body.chatid ?? `chat${randomBytes(6).toString("hex")}`);
      if (this.groups.has(chatId)) return ok({ errcode: 86215, errmsg: "chatid exists" });
      this.groups.set(chatId, { name: String(body.name ?? ""), members: (body.userlist as string[]) ?? [] });
      return ok({ errcode: 0, errmsg: "ok", chatid: chatId });
    }
    if (method === "GET" && path === "/cgi-bin/appchat/get") {
      const chatId = url.searchParams.get("chatid") ?? "";
      const group = this.groups.get(chatId);
      if (!group) return ok({ errcode: 86003, errmsg: "chat not exist" });
      return ok({
        errcode: 0,
        errmsg: "ok",
        chat_info: { chatid: chatId, name: group.name, userlist: group.members },
      });
    }
    if (method === "GET" && path === "/cgi-bin/agent/get") {
      if (url.searchParams.get("agentid") !== String(FAKE_AGENT_ID))
        return ok({ errcode: 40056, errmsg: "invalid agentid" });
      const users = this.options.users;
      return ok({
        errcode: 0,
        errmsg: "ok",
        agentid: FAKE_AGENT_ID,
        name: "快报",
        allow_userinfos: { user: (users ?? []).map((userid) => ({ userid })) },
        allow_partys: { partyid: users ? [] : [1] },
      });
    }
    return { status: 404, body: { errcode: 404, errmsg: `fake wecom: no route ${method} ${path}` } };
  }

  /** media/upload: the `media` part of the form kept under a new media_id. */
  private async upload(url: URL, bytes: Buffer, contentType: string): Promise<Reply> {
    const token = url.searchParams.get("access_token");
    if (!token || !this.tokens.has(token)) return ok({ errcode: 42001, errmsg: "access_token expired" });
    const type = url.searchParams.get("type") ?? "";
    if (!["image", "voice", "video", "file"].includes(type))
      return ok({ errcode: 40004, errmsg: "invalid media type" });
    const form = await new Response(new Uint8Array(bytes), {
      headers: { "content-type": contentType },
    }).formData();
    const media = form.get("media");
    if (!(media instanceof File) || media.size <= 5) return ok({ errcode: 40005, errmsg: "invalid file" });
    const mediaId = `media-${randomBytes(8).toString("hex")}`;
    this.uploads.set(mediaId, { type, name: media.name, bytes: Buffer.from(await media.arrayBuffer()) });
    return ok({
      errcode: 0,
      errmsg: "ok",
      type,
      media_id: mediaId,
      created_at: String(Math.floor(Date.now() / 1000)),
    });
  }

  private sendToPeople(body: Record<string, unknown>): Reply {
    const to = String(body.touser ?? "")
      .split("|")
      .filter(Boolean);
    const visible = this.options.users;
    const invalid = visible ? to.filter((u) => !visible.includes(u)) : [];
    const reached = to.filter((u) => !invalid.includes(u));
    if (reached.length === 0)
      return ok({ errcode: 81013, errmsg: "user & party & tag all invalid", invaliduser: invalid.join("|") });
    // WeCom's duplicate check: the same content to the same people within the interval is dropped.
    const content = JSON.stringify(contentOf(body));
    const duplicate =
      body.enable_duplicate_check === 1 &&
      this.messages.find(
        (m) =>
          m.kind === "people" &&
          m.to.join("|") === reached.join("|") &&
          JSON.stringify(contentOf(m.body)) === content,
      );
    const message = duplicate || this.store("people", reached, body);
    // A template card's send hands back a response code: one update of the card before any press.
    const responseCode = message.taskId ? { response_code: this.responseCodeFor(message.taskId) } : {};
    return ok({
      errcode: 0,
      errmsg: "ok",
      invaliduser: invalid.join("|"),
      msgid: message.msgId,
      ...responseCode,
    });
  }

  private store(kind: "people" | "group", to: string[], body: Record<string, unknown>): SentWecomMessage {
    const card = body.template_card as { task_id?: unknown } | undefined;
    const message: SentWecomMessage = {
      msgId: `msg${randomBytes(8).toString("hex")}`,
      kind,
      to,
      msgtype: String(body.msgtype ?? ""),
      body,
      ...(typeof card?.task_id === "string" ? { taskId: card.task_id } : {}),
      updates: [],
      at: Date.now(),
    };
    this.messages.push(message);
    for (const waiter of this.waiters.splice(0)) {
      if (this.messages.length >= waiter.count) waiter.resolve();
      else this.waiters.push(waiter);
    }
    return message;
  }
}

/** The message's content, without who it goes to. */
function contentOf(body: Record<string, unknown>): unknown {
  const msgtype = String(body.msgtype ?? "");
  return { msgtype, content: body[msgtype] };
}

interface Reply {
  status: number;
  body: unknown;
  contentType?: string;
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
