/**
 * The WeCom (企业微信 / 政务微信) platform: a self-built app. Inbound through the app's callback URL
 * (verified and decrypted with `@wecom/crypto`, queued durably before the answer); outbound through
 * the server API (app messages and template cards to people, messages to the groups the app
 * created); urgent messages marked, sent to the people themselves and repeated to those who have
 * not answered. Built by `src/app/wecom-platform.ts` when the WECOM_* settings are set.
 */
import type { Logger } from "pino";
import type { Directory } from "../../core/directory.ts";
import type { InboundQueue } from "../../core/inbound-queue.ts";
import type {
  HttpRoutes,
  PlatformAdapter,
  PlatformContext,
  PlatformRoutes,
} from "../../core/platform-adapter.ts";
import type { DatabaseClient } from "../../core/services.ts";
import { reportToDutyOffice } from "../common/duty-problems.ts";
import type { RateLimiter } from "../common/rate-limiter.ts";
import { openUrgentTracks, recordReply } from "../common/urgent-record.ts";
import { UrgentRepeater, type UrgentSettings } from "../common/urgent-repeater.ts";
import { WecomApi } from "./client/wecom-api.ts";
import { WecomRate } from "./client/wecom-rate.ts";
import type { WecomInboundJob } from "./inbound/wecom-decode.ts";
import { WecomInbound } from "./inbound/wecom-inbound.ts";
import { WecomSink } from "./outbound/wecom-sink.ts";
import { WECOM, WecomIdentity } from "./wecom-identity.ts";
import type { WecomSettings } from "./wecom-settings.ts";

/** A server of the callback's own (WECOM_CALLBACK_PORT): routes, then listening once they are set. */
export interface CallbackServer {
  routes: HttpRoutes;
  listen(): Promise<string>;
}

export interface WecomAdapterOptions {
  settings: WecomSettings;
  /** How urgent messages are repeated (the policy's `wechat.urgent` pace). */
  urgent: UrgentSettings;
  directory: Directory;
  prisma: DatabaseClient;
  limiter: RateLimiter;
  inboundQueue: InboundQueue<WecomInboundJob>;
  log: Logger;
  /** The callback's own server; without it the callback goes on the app's webhook routes. */
  callbackServer?: CallbackServer;
  /** Releases what the creator opened for the adapter (its Redis connection, its server). */
  onClose?: () => Promise<void>;
  now?: () => Date;
}

export class WecomAdapter implements PlatformAdapter {
  readonly name = WECOM;
  readonly sink: WecomSink;
  readonly api: WecomApi;
  readonly identity: WecomIdentity;
  readonly inbound: WecomInbound;
  /** Where the callback listens when it has a server of its own. */
  callbackUrl?: string;
  private repeater?: UrgentRepeater;
  private readonly log: Logger;
  private readonly now: () => Date;

  get inboundQueueLocation() {
    return this.options.inboundQueue.location;
  }

  constructor(private readonly options: WecomAdapterOptions) {
    const { settings, directory, prisma } = options;
    this.log = options.log.child({ platform: WECOM });
    this.now = options.now ?? (() => new Date());
    this.api = new WecomApi(settings, this.log);
    this.identity = new WecomIdentity(directory, prisma, this.log);
    const rate = new WecomRate(options.limiter, settings);
    const parts = {
      api: this.api,
      identity: this.identity,
      rate,
      directory,
      prisma,
      log: this.log,
      now: this.now,
    };
    this.sink = new WecomSink(parts);
    this.inbound = new WecomInbound({
      ...parts,
      settings,
      queue: options.inboundQueue,
      replied: (chatId, personId, direct) => this.repeater?.replied(chatId, personId, direct),
    });
  }

  registerRoutes(routes: PlatformRoutes): void {
    if (!this.options.callbackServer) this.route(routes.webhooks);
  }

  async start(context: PlatformContext): Promise<void> {
    const { services } = context;
    this.sink.files = context.files;
    this.sink.reportProblem = reportToDutyOffice(services, WECOM);
    await this.identity.load({
      userIdByMobile: (mobile) => this.api.userIdByMobile(mobile),
    });
    const database = services.database;
    const repeater = new UrgentRepeater(this.options.urgent, {
      repeat: (repetition) => this.sink.repeat(repetition),
      onReplied: (key, personId) => recordReply(database, WECOM, key, personId),
      onError: (error) => this.log.error({ err: error }, "urgent repetition failed"),
      now: () => this.now().getTime(),
    });
    this.repeater = repeater;
    this.sink.repeater = repeater;
    this.inbound.attach(context);
    // Urgent messages of before a restart go on being repeated to those still silent.
    for (const track of await openUrgentTracks(database, WECOM, this.options.urgent, this.now()))
      repeater.track(track);
    const server = this.options.callbackServer;
    if (server) {
      this.route(server.routes);
      this.callbackUrl = await server.listen();
      this.log.info(
        { url: `${this.callbackUrl}${this.options.settings.callbackPath}` },
        "wecom callback listening",
      );
    }
  }

  idle(): Promise<void> {
    return this.inbound.idle();
  }

  async close(): Promise<void> {
    this.repeater?.close();
    await this.inbound.close();
    await this.options.onClose?.();
  }

  private route(routes: HttpRoutes): void {
    const path = this.options.settings.callbackPath;
    routes.get(path, (request) => this.inbound.verify(request));
    routes.post(path, (request) => this.inbound.receive(request));
  }
}
