/**
 * The Feishu/Lark platform: the SDK client, identity, outbound sink, inbound events over the long
 * connection (one holder elected through a lease) or a signed, encrypted webhook, and the read
 * receipt poller. Built by `src/app/platforms.ts` when the app credentials are set.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { Directory } from "../../core/directory.ts";
import type { InboundQueue } from "../../core/inbound-queue.ts";
import type { Lease } from "../../core/lease.ts";
import type { PlatformAdapter, PlatformContext, PlatformRoutes } from "../../core/platform-adapter.ts";
import type { DatabaseClient } from "../../core/services.ts";
import { reportToDutyOffice } from "../common/duty-problems.ts";
import type { RateLimiter } from "../common/rate-limiter.ts";
import { FeishuApi } from "./client/feishu-api.ts";
import { FeishuRate } from "./client/feishu-rate.ts";
import { FEISHU, FeishuIdentity } from "./feishu-identity.ts";
import type { FeishuSettings } from "./feishu-settings.ts";
import { FeishuLongConnection } from "./inbound/feishu-connection.ts";
import { FeishuInbound, type FeishuInboundJob } from "./inbound/feishu-inbound.ts";
import { webhookHandler } from "./inbound/feishu-webhook.ts";
import { FeishuSink } from "./outbound/feishu-sink.ts";
import { pollReadReceipts } from "./outbound/read-receipts.ts";

export interface FeishuAdapterOptions {
  settings: FeishuSettings;
  directory: Directory;
  prisma: DatabaseClient;
  limiter: RateLimiter;
  lease: Lease;
  /** Where callbacks put events before answering Feishu; its worker starts in `start`. */
  inboundQueue: InboundQueue<FeishuInboundJob>;
  log: Logger;
  /** Identifies this process in the holder election. */
  holderId?: string;
  /** Releases what the creator opened for the adapter (its Redis connection). */
  onClose?: () => Promise<void>;
}

export class FeishuAdapter implements PlatformAdapter {
  readonly name = FEISHU;
  readonly sink: FeishuSink;
  readonly api: FeishuApi;
  readonly identity: FeishuIdentity;
  readonly inbound: FeishuInbound;
  /** Slots under Feishu's limits, shared by sends, card patches and read polls. */
  private readonly rate: FeishuRate;
  connection?: FeishuLongConnection;
  private pollTimer?: NodeJS.Timeout;
  private readonly log: Logger;

  get inboundQueueLocation() {
    return this.options.inboundQueue.location;
  }

  constructor(private readonly options: FeishuAdapterOptions) {
    const { settings, directory, prisma } = options;
    this.log = options.log.child({ platform: FEISHU });
    if (settings.mode === "webhook" && (!settings.encryptKey || !settings.verificationToken))
      throw new Error("飞书 webhook 模式需要 FEISHU_ENCRYPT_KEY 和 FEISHU_VERIFICATION_TOKEN");
    this.api = new FeishuApi(settings, this.log);
    this.identity = new FeishuIdentity(directory, prisma, this.log);
    this.rate = new FeishuRate(options.limiter, settings);
    const parts = {
      api: this.api,
      identity: this.identity,
      rate: this.rate,
      directory,
      prisma,
      settings,
      log: this.log,
    };
    this.sink = new FeishuSink(parts);
    this.inbound = new FeishuInbound({ ...parts, now: () => new Date(), queue: options.inboundQueue });
  }

  registerRoutes(routes: PlatformRoutes): void {
    const { settings } = this.options;
    if (settings.mode !== "webhook") return;
    routes.webhooks.post(
      settings.webhookPath,
      webhookHandler({
        secrets: {
          encryptKey: settings.encryptKey as string,
          verificationToken: settings.verificationToken as string,
        },
        dispatcher: this.inbound.dispatcher,
        log: this.log,
        now: () => Date.now(),
      }),
    );
  }

  async start(context: PlatformContext): Promise<void> {
    const { settings } = this.options;
    const { services } = context;
    this.sink.reportProblem = reportToDutyOffice(services, FEISHU);
    this.sink.files = context.files;
    await this.identity.load(this.api);
    try {
      this.inbound.botOpenId = (await this.api.botInfo()).openId;
    } catch (error) {
      this.log.warn({ err: error }, "feishu bot info unavailable; the bot's mention is recognised by name");
    }
    this.inbound.attach(context);
    if (settings.mode === "ws") {
      this.connection = new FeishuLongConnection({
        settings,
        dispatcher: this.inbound.dispatcher,
        lease: this.options.lease,
        holderId: this.options.holderId ?? `${process.pid}-${randomBytes(4).toString("hex")}`,
        log: this.log,
      });
      await this.connection.start();
    }
    if (settings.readPollMs > 0) this.schedulePoll(services.database, settings.readPollMs);
  }

  /** Polls read receipts once (the timer calls it; tests too). */
  pollReads(prisma: DatabaseClient = this.options.prisma): Promise<number> {
    return pollReadReceipts({
      api: this.api,
      identity: this.identity,
      prisma,
      rate: this.rate,
      log: this.log,
      now: new Date(),
    });
  }

  /** Resolves when every event received (webhook or long connection) has been handled. */
  idle(): Promise<void> {
    return this.inbound.idle();
  }

  async close(): Promise<void> {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    await this.connection?.close();
    await this.inbound.close();
    await this.options.onClose?.();
  }

  private schedulePoll(prisma: DatabaseClient, everyMs: number): void {
    this.pollTimer = setTimeout(async () => {
      // Only the long-connection holder polls, so several processes do not spend the same quota.
      if (!this.connection || this.connection.holding)
        await this.pollReads(prisma).catch((error) =>
          this.log.warn({ err: error }, "read receipts poll failed"),
        );
      if (this.pollTimer) this.schedulePoll(prisma, everyMs);
    }, everyMs);
  }
}
