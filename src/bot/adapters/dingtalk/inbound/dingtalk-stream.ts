/**
 * The Stream connection through the official `dingtalk-stream` SDK (no public URL needed): robot
 * messages and card callbacks arrive as CALLBACK pushes, each acknowledged only after its handler
 * resolved (the push is then stored on the durable inbound queue). A handler that throws (Redis
 * down) leaves the push unacknowledged, and DingTalk delivers it again.
 *
 * The SDK asks its gateway at a fixed address (`https://api.dingtalk.com/v1.0/gateway/connections/open`,
 * a constant with no option to change it), so {@link GatewayClient} overrides `getEndpoint` to ask
 * `DINGTALK_BASE_URL`'s gateway instead: a 政务钉钉 deployment's, or a fake one in tests. The rest —
 * the WebSocket, its frames, pings, reconnects — is the SDK's own.
 */
import { DWClient, type DWClientDownStream } from "dingtalk-stream";
import type { Logger } from "pino";
import { JsonHttp } from "../client/dingtalk-http.ts";
import type { DingtalkSettings } from "../dingtalk-settings.ts";
import { TOPIC_CARD, TOPIC_ROBOT } from "./dingtalk-events.ts";

/** Handles one push; what it resolves with is the acknowledgement's `response`. */
export type PushHandler = (push: DWClientDownStream) => Promise<unknown>;

class GatewayClient extends DWClient {
  constructor(
    private readonly gatewayUrl: string,
    private readonly http: JsonHttp,
    options: { clientId: string; clientSecret: string },
  ) {
    super({ ...options, keepAlive: true, ua: "kuaibao" });
  }

  override async getEndpoint(): Promise<this> {
    const config = this.getConfig();
    const answer = await this.http.request("POST", new URL(this.gatewayUrl), {
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      ua: config.ua,
      subscriptions: config.subscriptions,
    });
    const body = (answer.data ?? {}) as { endpoint?: unknown; ticket?: unknown };
    if (answer.status !== 200 || typeof body.endpoint !== "string" || typeof body.ticket !== "string")
      throw new Error(`stream gateway answered HTTP ${answer.status}`);
    // The SDK's socket address field is private to its class; the SDK's own getEndpoint sets it so.
    Object.assign(this, { dw_url: `${body.endpoint}?ticket=${body.ticket}` });
    return this;
  }
}

export class DingtalkStream {
  private client?: GatewayClient;
  private readonly http: JsonHttp;

  constructor(
    private readonly options: {
      settings: Pick<DingtalkSettings, "clientId" | "clientSecret" | "baseUrl" | "requestTimeoutMs">;
      onRobotMessage: PushHandler;
      onCardCallback: PushHandler;
      log: Logger;
    },
  ) {
    this.http = new JsonHttp(options.settings.requestTimeoutMs);
  }

  /** Whether the socket is open (the SDK reconnects by itself when it drops). */
  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  async start(): Promise<void> {
    const { settings, log } = this.options;
    const client = new GatewayClient(`${settings.baseUrl}/v1.0/gateway/connections/open`, this.http, {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
    });
    client.registerCallbackListener(
      TOPIC_ROBOT,
      (push) => void this.answer(push, this.options.onRobotMessage),
    );
    client.registerCallbackListener(
      TOPIC_CARD,
      (push) => void this.answer(push, this.options.onCardCallback),
    );
    this.client = client;
    // Resolves once connected, or after the first failure (the SDK then retries every second).
    await client.connect();
    log.info({ connected: client.connected }, "钉钉 Stream 连接已启动");
  }

  close(): void {
    this.client?.disconnect();
    this.client = undefined;
    this.http.close();
  }

  private async answer(push: DWClientDownStream, handler: PushHandler): Promise<void> {
    const client = this.client;
    try {
      const response = await handler(push);
      client?.socketCallBackResponse(push.headers.messageId, response ?? {});
    } catch (error) {
      this.options.log.error(
        { err: error, topic: push.headers.topic, push: push.headers.messageId },
        "钉钉推送未能入队，未确认（钉钉将重发）",
      );
    }
  }
}
