/**
 * The long connection, held by one process only: bot processes elect a holder through a lease
 * (Feishu gives each event to one random live connection, so a second one would steal events).
 * The holder renews the lease; if it cannot, it closes its connection. A standby retries the lease
 * and takes over within about one lease time of the holder dying. Drops and gaps are logged.
 */
import * as lark from "@larksuiteoapi/node-sdk";
import type { Logger } from "pino";
import type { Lease } from "../../../core/lease.ts";
import { sdkLogger } from "../client/feishu-api.ts";
import type { FeishuSettings } from "../feishu-settings.ts";

export const LEASE_NAME = "feishu-long-connection";

export class FeishuLongConnection {
  private ws?: lark.WSClient;
  private timer?: NodeJS.Timeout;
  private droppedAt?: number;
  private stopped = false;
  holding = false;

  constructor(
    private readonly options: {
      settings: Pick<FeishuSettings, "appId" | "appSecret" | "domain" | "holderLeaseMs">;
      dispatcher: lark.EventDispatcher;
      lease: Lease;
      holderId: string;
      log: Logger;
    },
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.tick();
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.disconnect();
    if (this.holding) {
      this.holding = false;
      await this.options.lease.release(LEASE_NAME, this.options.holderId).catch(() => {});
    }
  }

  /** One round of the election: renew or take the lease, connect or disconnect accordingly. */
  private async tick(): Promise<void> {
    const { lease, holderId, settings, log } = this.options;
    try {
      const held = this.holding
        ? await lease.renew(LEASE_NAME, holderId, settings.holderLeaseMs)
        : await lease.acquire(LEASE_NAME, holderId, settings.holderLeaseMs);
      if (held && !this.holding) {
        log.info({ holder: holderId }, "飞书长连接：本进程成为持有者");
        this.holding = true;
        this.connect();
      } else if (!held && this.holding) {
        log.warn({ holder: holderId }, "飞书长连接：租约已失去，断开");
        this.holding = false;
        this.disconnect();
      }
    } catch (error) {
      // Without Redis we cannot know whether another process holds it: stand down to be safe.
      log.error({ err: error }, "飞书长连接：租约检查失败");
      if (this.holding) {
        this.holding = false;
        this.disconnect();
      }
    }
    if (!this.stopped)
      this.timer = setTimeout(() => void this.tick(), Math.max(200, settings.holderLeaseMs / 3));
  }

  private connect(): void {
    const { settings, dispatcher, log } = this.options;
    this.ws = new lark.WSClient({
      appId: settings.appId,
      appSecret: settings.appSecret,
      domain: settings.domain,
      autoReconnect: true,
      wsConfig: { pingTimeout: 10 },
      loggerLevel: lark.LoggerLevel.warn,
      logger: sdkLogger(log),
      onReady: () => log.info("飞书长连接已建立"),
      onReconnecting: () => {
        this.droppedAt ??= Date.now();
        log.warn("飞书长连接断开，正在重连");
      },
      onReconnected: () => {
        const gapMs = this.droppedAt ? Date.now() - this.droppedAt : undefined;
        this.droppedAt = undefined;
        log.warn({ gapMs }, "飞书长连接已恢复；断开期间的事件由飞书重发");
      },
      onError: (error: Error) => log.error({ err: error }, "飞书长连接出错"),
    });
    void this.ws.start({ eventDispatcher: dispatcher });
  }

  private disconnect(): void {
    try {
      this.ws?.close({ force: true });
    } catch (error) {
      this.options.log.warn({ err: error }, "closing the feishu long connection failed");
    }
    this.ws = undefined;
  }
}
