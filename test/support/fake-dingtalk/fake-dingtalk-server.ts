/**
 * A fake DingTalk on 127.0.0.1: the token endpoint, the Stream gateway (`/v1.0/gateway/connections/open`
 * answering an endpoint and ticket, then a WebSocket speaking the SDK's frames: CALLBACK pushes with
 * headers {topic, messageId, …}, acknowledgements `{code: 200, headers: {messageId}, data}`), the robot
 * OpenAPI (group and one-to-one messages, interactive cards and their updates, DING, read status) and
 * the old API's contact look-up. It records what the bot sent, and can answer rate limits, 5xx and
 * expired tokens on demand.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ServerSocket, socketServer } from "./fake-stream-socket.ts";

export const FAKE_CLIENT_ID = "dingfakeclientid";
export const FAKE_CLIENT_SECRET = "fake-client-secret";
export const FAKE_ROBOT_CODE = "dingfakerobot";
export const FAKE_BOT_USER_ID = "$:LWCP_v1:$fakebot";

/** The permission each call needs (DingTalk's names), for a fake app that lacks some. */
const SCOPE_OF_PATH: Record<string, string> = {
  "/v1.0/robot/groupMessages/send": "qyapi_robot_sendmsg",
  "/v1.0/robot/oToMessages/batchSend": "qyapi_robot_sendmsg",
  "/v1.0/robot/groupMessages/query": "qyapi_robot_sendmsg",
  "/v1.0/im/interactiveCards/send": "Card.Instance.Write",
  "/v1.0/im/interactiveCards": "Card.Instance.Write",
  "/v1.0/robot/ding/send": "Premium.Ding.Write",
  "/v1.0/robot/groups/robots/query": "qyapi_chat_manage",
  "/topapi/v2/user/getbymobile": "qyapi_get_member_by_mobile",
};

/** What the bot sent: a robot message or a card, with what happened to it since. */
export interface StoredMessage {
  /** Where: a group's openConversationId or a person's userId. */
  to: string;
  kind: "group" | "user";
  msgKey: "sampleText" | "sampleMarkdown" | "card";
  /** sampleText: {content}; sampleMarkdown: {title, text}; card: the cardParamMap as sent. */
  param: Record<string, string>;
  /** A card's params after each update, newest last. */
  updates: Record<string, string>[];
  processQueryKey: string;
  outTrackId?: string;
  atOpenIds?: Record<string, string>;
  readBy: string[];
  /** Order among messages and DINGs. */
  seq: number;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface Fault {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Ack {
  code: number;
  headers: { messageId: string };
  data: string;
}

export class FakeDingtalkServer {
  private server?: Server;
  /** The app's Client ID this fake accepts (a test of its own can have one of its own). */
  readonly clientId: string;
  readonly messages: StoredMessage[] = [];
  readonly dings: { remindType: number; userIds: string[]; content: string; seq: number }[] = [];
  private seq = 0;
  /** Every OpenAPI call by path, in order (token calls too). */
  readonly calls: { path: string; at: number; token?: string }[] = [];
  /** Answers to give instead of the real one, by path, first come first served. */
  private readonly faults = new Map<string, Fault[]>();
  private readonly validTokens = new Set<string>();
  private tokenCount = 0;
  private readonly sockets = new Set<ServerSocket>();
  private readonly acks = new Map<string, (ack: Ack) => void>();
  /** Phone → userId for the contacts API. */
  readonly usersByMobile = new Map<string, string>();
  /** A rate limit per second on robot sends (0: none), answered as DingTalk's throttling. */
  qpsLimit = 0;
  private readonly recentSends: number[] = [];
  /** Calls over the limit that were refused. */
  throttled = 0;

  /** Permissions the app has (undefined: all); a call needing another is refused as DingTalk does. */
  private readonly grantedScopes?: Set<string>;
  /** Groups the robot is in (undefined: all). */
  private readonly robotGroups?: Set<string>;

  constructor(options: { clientId?: string; grantedScopes?: string[]; robotGroups?: string[] } = {}) {
    this.clientId = options.clientId ?? FAKE_CLIENT_ID;
    if (options.grantedScopes) this.grantedScopes = new Set(options.grantedScopes);
    if (options.robotGroups) this.robotGroups = new Set(options.robotGroups);
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error("fake dingtalk not started");
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.serve(req, res));
    this.server = server;
    const wss = socketServer(server, "/connect");
    wss.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("message", (data) => {
        const frame = JSON.parse(data.toString("utf8")) as Ack;
        this.acks.get(frame.headers?.messageId)?.(frame);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  /** Resolves once a bot is connected to the Stream gateway. */
  async connected(): Promise<void> {
    while (this.sockets.size === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  get connections(): number {
    return this.sockets.size;
  }

  /**
   * Pushes a CALLBACK to the connected bot and resolves with its acknowledgement; `messageId` is the
   * same on a redelivery. Rejects when no bot acknowledges within `timeoutMs`.
   */
  push(topic: string, data: unknown, messageId: string = randomUUID(), timeoutMs = 10_000): Promise<Ack> {
    const socket = [...this.sockets][0];
    if (!socket) return Promise.reject(new Error("no bot connected to the fake stream"));
    return new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(messageId);
        reject(new Error(`push ${messageId} not acknowledged`));
      }, timeoutMs);
      this.acks.set(messageId, (ack) => {
        clearTimeout(timer);
        this.acks.delete(messageId);
        resolve(ack);
      });
      socket.send(
        JSON.stringify({
          specVersion: "1.0",
          type: "CALLBACK",
          headers: {
            appId: this.clientId,
            connectionId: "fake-connection",
            contentType: "application/json",
            messageId,
            time: String(Date.now()),
            topic,
          },
          data: JSON.stringify(data),
        }),
      );
    });
  }

  /** Drops every connection at once (as a network failure would); the SDK reconnects. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  /** The next `count` calls to `path` get `fault` instead of their answer. */
  failNext(path: string, fault: Fault, count = 1): void {
    const list = this.faults.get(path) ?? [];
    for (let i = 0; i < count; i++) list.push(fault);
    this.faults.set(path, list);
  }

  /** Every token handed out so far stops working (as if it expired early). */
  expireTokens(): void {
    this.validTokens.clear();
  }

  messagesTo(to: string): StoredMessage[] {
    return this.messages.filter((m) => m.to === to);
  }

  /** The card as shown now (after its updates). */
  currentParams(message: StoredMessage): Record<string, string> {
    return message.updates.at(-1) ?? message.param;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    const path = url.pathname;
    const token =
      (req.headers["x-acs-dingtalk-access-token"] as string | undefined) ??
      url.searchParams.get("access_token") ??
      undefined;
    const answer = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(data));
    };
    if (path.startsWith("/__fake/")) return this.control(path, url, answer);
    this.calls.push({ path, at: Date.now(), ...(token ? { token } : {}) });
    const fault = this.faults.get(path)?.shift();
    if (fault) return answer(fault.status, fault.body, fault.headers);
    if (path === "/v1.0/oauth2/accessToken") {
      if (body.appKey !== this.clientId || body.appSecret !== FAKE_CLIENT_SECRET)
        return answer(400, { code: "invalidClientIdOrSecret", message: "无效的clientId或者clientSecret" });
      this.tokenCount += 1;
      const value = `fake-token-${this.tokenCount}`;
      this.validTokens.add(value);
      return answer(200, { accessToken: value, expireIn: 7200 });
    }
    if (path === "/v1.0/gateway/connections/open") {
      if (body.clientId !== this.clientId || body.clientSecret !== FAKE_CLIENT_SECRET)
        return answer(401, { code: "Unauthorized", message: "clientId or clientSecret invalid" });
      return answer(200, { endpoint: `${this.url.replace("http", "ws")}/connect`, ticket: randomUUID() });
    }
    if (!token || !this.validTokens.has(token))
      return path.startsWith("/topapi/")
        ? answer(200, { errcode: 40014, errmsg: "不合法的access_token" })
        : answer(401, { code: "InvalidAuthentication", message: "不合法的access_token" });
    const scope = SCOPE_OF_PATH[path];
    if (scope && this.grantedScopes && !this.grantedScopes.has(scope))
      return path.startsWith("/topapi/")
        ? answer(200, { errcode: 60011, errmsg: "没有调用该接口的权限" })
        : answer(403, {
            code: "Forbidden.AccessDenied.AccessTokenPermissionDenied",
            message: "没有调用该接口的权限",
            accessdenieddetail: { requiredScopes: [scope] },
          });
    if (this.overLimit(path)) {
      this.throttled += 1;
      return answer(403, { code: "Forbidden.AccessDenied.QpsLimitForApi", message: "调用频率超限" });
    }
    switch (path) {
      case "/v1.0/robot/groupMessages/send":
      case "/v1.0/robot/oToMessages/batchSend": {
        const group = path.includes("group");
        const to = group ? String(body.openConversationId) : String((body.userIds as string[])[0]);
        const stored = this.store({
          to,
          kind: group ? "group" : "user",
          msgKey: body.msgKey as "sampleText" | "sampleMarkdown",
          param: JSON.parse(String(body.msgParam)) as Record<string, string>,
        });
        return answer(200, {
          processQueryKey: stored.processQueryKey,
          invalidStaffIdList: [],
          flowControlledStaffIdList: [],
        });
      }
      case "/v1.0/im/interactiveCards/send": {
        const outTrackId = String(body.outTrackId);
        const existing = this.messages.find((m) => m.outTrackId === outTrackId);
        if (existing) return answer(200, { processQueryKey: existing.processQueryKey });
        const group = body.conversationType === 1;
        const to = group
          ? String(body.openConversationId)
          : (JSON.parse(String(body.singleChatReceiver)) as { userId: string }).userId;
        const cardData = body.cardData as { cardParamMap: Record<string, string> };
        const stored = this.store({
          to,
          kind: group ? "group" : "user",
          msgKey: "card",
          param: cardData.cardParamMap,
          outTrackId,
          ...(body.atOpenIds ? { atOpenIds: body.atOpenIds as Record<string, string> } : {}),
        });
        return answer(200, { processQueryKey: stored.processQueryKey });
      }
      case "/v1.0/im/interactiveCards": {
        const message = this.messages.find((m) => m.outTrackId === body.outTrackId);
        if (!message) return answer(400, { code: "card.not.exist", message: "卡片不存在" });
        const cardData = body.cardData as { cardParamMap: Record<string, string> };
        message.updates.push({ ...this.currentParams(message), ...cardData.cardParamMap });
        return answer(200, { success: true });
      }
      case "/v1.0/robot/ding/send": {
        if (!Array.isArray(body.receiverUserIdList) || body.receiverUserIdList.length === 0)
          return answer(400, { code: "InvalidParameter", message: "receiverUserIdList 不能为空" });
        const ding = {
          remindType: Number(body.remindType),
          userIds: body.receiverUserIdList as string[],
          content: String(body.content),
          seq: ++this.seq,
        };
        this.dings.push(ding);
        return answer(200, { openDingId: randomUUID() });
      }
      case "/v1.0/robot/groupMessages/query": {
        const message = this.messages.find((m) => m.processQueryKey === body.processQueryKey);
        return answer(200, { sendStatus: "RECALLED", readUserIds: message?.readBy ?? [] });
      }
      case "/v1.0/robot/groups/robots/query": {
        const conversation = String(body.openConversationId);
        const inGroup = this.robotGroups ? this.robotGroups.has(conversation) : true;
        return answer(200, {
          chatbotInstanceVOList: inGroup
            ? [{ robotCode: FAKE_ROBOT_CODE, robotName: "快报助手", openRobotType: 1 }]
            : [{ robotCode: "dingotherrobot", robotName: "别的机器人", openRobotType: 1 }],
        });
      }
      case "/topapi/v2/user/getbymobile": {
        const userid = this.usersByMobile.get(String(body.mobile));
        return userid
          ? answer(200, { errcode: 0, errmsg: "ok", result: { userid } })
          : answer(200, { errcode: 60121, errmsg: "找不到该用户" });
      }
      default:
        return answer(404, { code: "NotFound", message: path });
    }
  }

  /**
   * Routes for a test or bench in another process: GET /__fake/wait?count=N (answers once N
   * messages are stored), /__fake/messages, /__fake/stats ({throttled}).
   */
  private async control(
    path: string,
    url: URL,
    answer: (status: number, data: unknown) => void,
  ): Promise<void> {
    if (path === "/__fake/wait") {
      const count = Number(url.searchParams.get("count") ?? "0");
      while (this.messages.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
      return answer(200, { count: this.messages.length });
    }
    if (path === "/__fake/messages") return answer(200, this.messages);
    if (path === "/__fake/stats") return answer(200, { throttled: this.throttled });
    return answer(404, { code: "NotFound", message: path });
  }

  /** DINGs sent after the message about it (DING content is the card's title or the text). */
  dingsOf(message: StoredMessage): { remindType: number; userIds: string[] }[] {
    const about =
      message.msgKey === "card" ? message.param.title : (message.param.title ?? message.param.content);
    return this.dings.filter(
      (d) => d.seq > message.seq && about !== undefined && about.startsWith(d.content.replace(/…$/, "")),
    );
  }

  private store(
    fields: Omit<StoredMessage, "updates" | "processQueryKey" | "readBy" | "seq" | "at">,
  ): StoredMessage {
    const stored: StoredMessage = {
      ...fields,
      updates: [],
      processQueryKey: randomUUID(),
      readBy: [],
      seq: ++this.seq,
      at: Date.now(),
    };
    this.messages.push(stored);
    return stored;
  }

  /** Sends, card sends and DING count against the per-second limit when one is set. */
  private overLimit(path: string): boolean {
    if (this.qpsLimit <= 0 || !/groupMessages\/send|oToMessages|interactiveCards\/send/.test(path))
      return false;
    const now = Date.now();
    while (this.recentSends.length > 0 && (this.recentSends[0] as number) <= now - 1000)
      this.recentSends.shift();
    if (this.recentSends.length >= this.qpsLimit) return true;
    this.recentSends.push(now);
    return false;
  }
}
