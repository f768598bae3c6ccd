/**
 * The DingTalk (钉钉 / 政务钉钉) platform: the OpenAPI client, identity, outbound sink, and inbound
 * pushes over the Stream connection (the official `dingtalk-stream` SDK), each stored on the durable
 * inbound queue before it is acknowledged. Built by `src/app/dingtalk-platform.ts` when the client
 * id, secret and robot code are set.
 */
import type { Logger } from "pino";
import type { Directory } from "../../core/directory.ts";
import type { InboundQueue } from "../../core/inbound-queue.ts";
import type { PlatformAdapter, PlatformContext } from "../../core/platform-adapter.ts";
import type { DatabaseClient } from "../../core/services.ts";
import { reportToDutyOffice } from "../common/duty-problems.ts";
import type { RateLimiter } from "../common/rate-limiter.ts";
import { DingtalkApi } from "./client/dingtalk-api.ts";
import { DingtalkRate } from "./client/dingtalk-rate.ts";
import { DINGTALK, DingtalkIdentity } from "./dingtalk-identity.ts";
import type { DingtalkSettings } from "./dingtalk-settings.ts";
import { DingtalkInbound, type DingtalkInboundJob } from "./inbound/dingtalk-inbound.ts";
import { DingtalkStream } from "./inbound/dingtalk-stream.ts";
import { pollDingtalkReads } from "./outbound/dingtalk-read-receipts.ts";
import { DingtalkSink } from "./outbound/dingtalk-sink.ts";

export interface DingtalkAdapterOptions {
  settings: DingtalkSettings;
  directory: Directory;
  prisma: DatabaseClient;
  limiter: RateLimiter;
  /** Where pushes are stored before they are acknowledged; its worker starts in `start`. */
  inboundQueue: InboundQueue<DingtalkInboundJob>;
  log: Logger;
  /** Releases what the creator opened for the adapter (its Redis connection). */
  onClose?: () => Promise<void>;
}

export class DingtalkAdapter implements PlatformAdapter {
  readonly name = DINGTALK;
  readonly sink: DingtalkSink;
  readonly api: DingtalkApi;
  readonly identity: DingtalkIdentity;
  readonly inbound: DingtalkInbound;
  readonly rate: DingtalkRate;
  stream?: DingtalkStream;
  private readonly log: Logger;
  private pollTimer?: NodeJS.Timeout;

  get inboundQueueLocation() {
    return this.options.inboundQueue.location;
  }

  constructor(private readonly options: DingtalkAdapterOptions) {
    const { settings, directory, prisma } = options;
    this.log = options.log.child({ platform: DINGTALK });
    this.api = new DingtalkApi(settings, this.log);
    this.identity = new DingtalkIdentity(directory, prisma, this.log);
    this.rate = new DingtalkRate(options.limiter, settings);
    const parts = {
      api: this.api,
      identity: this.identity,
      rate: this.rate,
      directory,
      prisma,
      settings,
      log: this.log,
    };
    this.sink = new DingtalkSink(parts);
    this.inbound = new DingtalkInbound({ ...parts, now: () => new Date(), queue: options.inboundQueue });
  }

  async start(context: PlatformContext): Promise<void> {
    const { services } = context;
    this.sink.reportProblem = reportToDutyOffice(services, DINGTALK);
    await this.identity.load({
      userIdByMobile: (mobile) => this.api.userIdByMobile(mobile, (r) => this.rate.forApp(r)),
      userIdByUnionId: (unionId) => this.api.userIdByUnionId(unionId, (r) => this.rate.forApp(r)),
    });
    this.inbound.attach(context);
    this.stream = new DingtalkStream({
      settings: this.options.settings,
      onRobotMessage: (push) => this.inbound.onRobotMessage(push),
      onCardCallback: (push) => this.inbound.onCardCallback(push),
      log: this.log,
    });
    await this.stream.start();
    if (this.options.settings.readPollMs > 0)
      this.schedulePoll(services.database, this.options.settings.readPollMs);
  }

  /** Polls read status once (the timer calls it; tests too). */
  pollReads(prisma: DatabaseClient = this.options.prisma): Promise<number> {
    return pollDingtalkReads({
      api: this.api,
      identity: this.identity,
      prisma,
      rate: this.rate,
      log: this.log,
      now: new Date(),
    });
  }

  private schedulePoll(prisma: DatabaseClient, everyMs: number): void {
    this.pollTimer = setTimeout(async () => {
      await this.pollReads(prisma).catch((error) =>
        this.log.warn({ err: error }, "dingtalk read status poll failed"),
      );
      if (this.pollTimer) this.schedulePoll(prisma, everyMs);
    }, everyMs);
  }

  idle(): Promise<void> {
    return this.inbound.idle();
  }

  async close(): Promise<void> {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    this.stream?.close();
    this.stream = undefined;
    await this.inbound.close();
    this.api.close();
    await this.options.onClose?.();
  }
}
