/**
 * Builds the running application from its parts: directory, ports, capabilities, the inbound
 * pipeline, queue workers and the HTTP server (console + health). `main.ts`, the tests, the
 * transcript runner and the benchmark all build the app here, so they run the same code.
 */
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { ConsoleHistory } from "../bot/adapters/console/console-history.ts";
import type { ConsoleInbox } from "../bot/adapters/console/console-inbox.ts";
import type { Capability } from "../bot/core/capability.ts";
import { LeaseConversationLock } from "../bot/core/conversation-lock.ts";
import { DialogEngine } from "../bot/core/dialog/engine.ts";
import { storedDialogPresence } from "../bot/core/dialog-presence.ts";
import { Directory } from "../bot/core/directory.ts";
import { JobRegistry } from "../bot/core/job-registry.ts";
import type { InboundEvent } from "../bot/core/message.ts";
import { InboundPipeline } from "../bot/core/pipeline.ts";
import type { PlatformAdapter, PlatformRoutes } from "../bot/core/platform-adapter.ts";
import {
  type Clock,
  type FileStore,
  type RecurringScheduler,
  type Scheduler,
  systemClock,
} from "../bot/core/ports.ts";
import { Router } from "../bot/core/router.ts";
import type { BotServices } from "../bot/core/services.ts";
import type { UnboundEvent } from "../bot/core/unbound.ts";
import { ConfigError, type OfficeConfig } from "../config/load.ts";
import { recurringEntries, scheduleProblems } from "../handlers/daily/recurring-entries.ts";
import { allCapabilities } from "../handlers/index.ts";
import { NightQuietMessenger } from "../handlers/profile/night-urgent.ts";
import { BullmqRecurring } from "../queue/bullmq-recurring.ts";
import { BullmqScheduler } from "../queue/bullmq-scheduler.ts";
import { startJobWorker } from "../queue/job-worker.ts";
import { DEFAULT_PREFIX, inboundQueueName, JOBS_QUEUE, outboundQueueName } from "../queue/queue-names.ts";
import { RedisAvailability } from "../queue/redis-availability.ts";
import { createRedis } from "../queue/redis-connection.ts";
import { RedisDataWatch } from "../queue/redis-data-watch.ts";
import { RedisEventDedupe } from "../queue/redis-dedupe.ts";
import { RedisLease } from "../queue/redis-lease.ts";
import {
  DEFAULT_SEND_RETRY,
  QueuedMessenger,
  type SendRetryPolicy,
  startSendWorker,
} from "../queue/send-queue.ts";
import type { PrismaClient } from "../store/generated/client.ts";
import { closeWithin } from "./close-within.ts";
import { decideConsoleMode } from "./console-auth/console-mode.ts";
import { type ConsoleOptions, registerConsoleSecurity } from "./console-auth/console-security.ts";
import { createConsolePlatform } from "./console-platform.ts";
import { DeskChanges } from "./desk/desk-changes.ts";
import { registerDesk } from "./desk/register-desk.ts";
import { temporaryFileStore } from "./file-store.ts";
import { registerHealthRoute } from "./health.ts";
import { type Address, createHttpServer, platformRoutes } from "./http-server.ts";
import { waitForQueueDrain } from "./queue-drain.ts";
import { AppTimerRebuild } from "./timer-rebuild.ts";

/** The platforms whose events wait on a durable inbound queue (console-platform.ts, feishu-platform.ts). */
const INBOUND_QUEUED = new Set(["console", "feishu", "wecom"]);

/** How long one step of closing (workers, queues, Redis) may take before it is left behind. */
const CLOSE_STEP_MS = 10_000;
export interface AppOptions {
  config: OfficeConfig;
  prisma: PrismaClient;
  redisUrl: string;
  log: Logger;
  /** BullMQ prefix; tests use a unique one. */
  queuePrefix?: string;
  clock?: Clock;
  /** Replaces the BullMQ scheduler (the transcript runner's virtual time). */
  scheduler?: Scheduler;
  /** Replaces BullMQ job schedulers for daily reminders (the transcript runner's virtual time). */
  recurring?: RecurringScheduler;
  /** Listen on this address; omit for no HTTP server. */
  http?: Address;
  /**
   * Serve the platforms' webhooks on this address instead, on a server of their own that serves
   * nothing else (`FEISHU_WEBHOOK_PORT`); only with `http`.
   */
  webhookHttp?: Address;
  /**
   * The web console's mode and sign-in settings (main decides them from the environment). Omitted:
   * demo when no platform is given and the address is loopback, sign-in otherwise.
   */
  console?: ConsoleOptions;
  sendRetry?: SendRetryPolicy;
  /** How often to check that Redis still has its data (the marker key); default 30 s. */
  redisDataCheckMs?: number;
  capabilities?: Capability[];
  /** Chat platforms besides the console, which is always there (Feishu, WeChat). */
  platforms?: PlatformAdapter[];
  /** The org file's directory, when the platforms were given the same one (built from `config.org` if not). */
  directory?: Directory;
  /**
   * Other bot processes may use this database at the same time (PostgreSQL; default true). Each
   * conversation is then locked across processes through Redis and dialog sessions are read from
   * the database on every message. False only when this app is alone on it (PGlite, which one
   * process opens): the in-process queue per conversation and the session cache suffice.
   */
  sharedDatabase?: boolean;
  /** Where people's files are kept; default a fresh folder under the system's temporary directory (tests). */
  files?: FileStore;
}

export interface App {
  services: BotServices;
  pipeline: InboundPipeline;
  history: ConsoleHistory;
  /** Acting as a person in the console (the routes and the transcript runner use it). */
  inbox: ConsoleInbox;
  jobs: JobRegistry;
  messenger: QueuedMessenger;
  http?: FastifyInstance;
  /** The console's address when serving HTTP, e.g. http://127.0.0.1:3000. */
  url?: string;
  /** The webhook server, when the webhooks have a port of their own. */
  webhookHttp?: FastifyInstance;
  /** Where the platforms' webhooks are served: the webhook server's address, else {@link url}. */
  webhookUrl?: string;
  /** Resolves when inbound handling and the send queue have nothing left to do. */
  idle(): Promise<void>;
  /** Stops taking work, finishes what is in flight, closes Redis connections (not the database). */
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, prisma, log } = options;
  const prefix = options.queuePrefix ?? DEFAULT_PREFIX;
  const clock = options.clock ?? systemClock;
  const directory = options.directory ?? new Directory(config.org);
  const capabilities = options.capabilities ?? allCapabilities(config, directory);
  // A schedule naming a job nobody registers is a config error, found before any connection opens.
  const schedules = config.schedules?.entries ?? [];
  const jobNames = new Set(capabilities.flatMap((c) => c.jobs ?? []).map((job) => job.name));
  const problems = scheduleProblems(schedules, (name) => jobNames.has(name));
  if (problems.length > 0) throw new ConfigError(config.schedules?.file ?? "schedules", problems);
  const redis = createRedis(options.redisUrl);
  const workerRedis = createRedis(options.redisUrl);

  // The console is always there (the transcript runner acts through its inbox); its page is served unless it is off.
  const shared = options.sharedDatabase ?? true;
  const files = options.files ?? (await temporaryFileStore());
  const consolePlatform = createConsolePlatform({
    files,
    redis,
    prefix,
    directory,
    database: prisma,
    clock,
    log,
    shared,
  });
  const platforms: PlatformAdapter[] = [consolePlatform, ...(options.platforms ?? [])];
  const sinks = platforms.map((p) => p.sink);
  const messenger = new QueuedMessenger(redis, prefix, sinks, options.sendRetry ?? DEFAULT_SEND_RETRY);
  const bullScheduler = options.scheduler ? undefined : new BullmqScheduler(redis, prefix, clock);
  const scheduler = options.scheduler ?? (bullScheduler as BullmqScheduler);
  const services: BotServices = {
    directory,
    // What the capabilities send: at night, no 加急 for those who asked not to be buzzed then.
    messenger: new NightQuietMessenger(messenger, prisma, clock, config.policy.timezone),
    scheduler,
    clock,
    database: prisma,
    log,
    files,
  };

  const dialogs = new DialogEngine(
    capabilities.flatMap((c) => c.dialogs ?? []),
    prisma,
    { cacheSessions: !shared, timings: config.policy.dialog },
  );
  const router = new Router(capabilities, dialogs);
  const jobs = new JobRegistry([...capabilities.flatMap((c) => c.jobs ?? []), dialogs.idleJob()]);
  const conversationLock = shared ? new LeaseConversationLock(new RedisLease(redis, prefix), log) : undefined;
  const pipeline = new InboundPipeline(
    services,
    router,
    new RedisEventDedupe(redis, prefix),
    conversationLock,
  );

  const dutyChatId = directory.dutyChatId();
  const sendWorker = startSendWorker({
    connection: workerRedis,
    prefix,
    sinks,
    services,
    messenger,
    dutyChatId,
  });
  const jobWorker = bullScheduler
    ? startJobWorker({ connection: workerRedis, prefix, registry: jobs, services, dutyChatId })
    : undefined;
  // Every process tells the desk pages (its own and the others') when something may have changed.
  const deskChanges = new DeskChanges(redis, prefix, log);
  jobWorker?.on("completed", () => deskChanges.changed());

  for (const capability of capabilities) await capability.onStart?.(services);
  const recurring =
    options.recurring ?? (bullScheduler ? new BullmqRecurring(bullScheduler.queue) : undefined);
  const entries = recurringEntries(schedules, config.schedules?.zeroReport);
  const timers = new AppTimerRebuild({
    capabilities,
    services,
    dialogs,
    timezone: config.policy.timezone,
    log,
    recurring,
    recurringEntries: entries,
  });
  const dataWatch = bullScheduler
    ? new RedisDataWatch({ redis, prefix, rebuild: timers, log, intervalMs: options.redisDataCheckMs })
    : undefined;
  await dataWatch?.start();
  await timers.rebuild("start");

  const platformContext = {
    services,
    handle: (event: InboundEvent) => pipeline.handle(event).finally(() => deskChanges.changed()),
    handleUnbound: (event: UnboundEvent) =>
      pipeline.handleUnbound(event).finally(() => deskChanges.changed()),
    dialogs: storedDialogPresence(prisma),
    files,
  };
  let http: FastifyInstance | undefined;
  let webhookHttp: FastifyInstance | undefined;
  let url: string | undefined;
  let webhookUrl: string | undefined;
  let routes: PlatformRoutes | undefined;
  if (options.http) {
    const server = createHttpServer(log, "http");
    const consoleOptions = options.console ?? {
      mode: decideConsoleMode({
        requested: undefined,
        host: options.http.host,
        platformConfigured: (options.platforms ?? []).length > 0,
      }),
    };
    const { viewerOf } = await registerConsoleSecurity(server, {
      options: consoleOptions,
      host: options.http.host,
      prisma,
      redis,
      prefix,
      directory,
      messenger,
      log,
    });
    const availability = new RedisAvailability(redis);
    if (consoleOptions.mode !== "off") {
      await consolePlatform.serve(server, { viewerOf, availability });
      await registerDesk(server, {
        consoleMode: consoleOptions.mode,
        host: options.http.host,
        timezone: config.policy.timezone,
        capabilities,
        services,
        inbox: consolePlatform.inbox,
        availability,
        changes: deskChanges,
        queues: {
          redis,
          prefix,
          names: [
            ...(bullScheduler ? [JOBS_QUEUE] : []),
            ...platforms.filter((p) => INBOUND_QUEUED.has(p.name)).map((p) => inboundQueueName(p.name)),
            ...sinks.map((sink) => outboundQueueName(sink.name)),
          ],
        },
      });
    }
    registerHealthRoute(server, { prisma, redis });
    const webhookServer = options.webhookHttp ? createHttpServer(log, "webhook") : undefined;
    routes = platformRoutes(server, webhookServer);
    for (const platform of platforms) platform.registerRoutes?.(routes, platformContext);
    url = await server.listen({ host: options.http.host, port: options.http.port });
    http = server;
    webhookHttp = webhookServer;
    webhookUrl = options.webhookHttp ? await webhookServer?.listen(options.webhookHttp) : url;
  }
  for (const platform of platforms) await platform.start({ ...platformContext, http: routes });

  return {
    services,
    pipeline,
    history: consolePlatform.history,
    inbox: consolePlatform.inbox,
    jobs,
    messenger,
    http,
    url,
    webhookHttp,
    webhookUrl,
    idle: () => waitForQueueDrain(pipeline, messenger, platforms),
    async close() {
      dataWatch?.stop();
      // Every step is bounded: a worker or client caught reconnecting to Redis must not hold the close up.
      await closeWithin(log, "platforms", CLOSE_STEP_MS, () => Promise.all(platforms.map((p) => p.close())));
      await closeWithin(log, "http", CLOSE_STEP_MS, () => Promise.all([webhookHttp?.close(), http?.close()]));
      await closeWithin(log, "pipeline", CLOSE_STEP_MS, () => pipeline.idle());
      await closeWithin(log, "workers", CLOSE_STEP_MS, () =>
        Promise.all([jobWorker?.close(), sendWorker.close()]),
      );
      await closeWithin(log, "queues", CLOSE_STEP_MS, () =>
        Promise.all([messenger.close(), bullScheduler?.close()]),
      );
      await closeWithin(
        log,
        "redis",
        CLOSE_STEP_MS,
        () => Promise.all([redis.quit(), workerRedis.quit()]),
        () => {
          redis.disconnect();
          workerRedis.disconnect();
        },
      );
    },
  };
}
