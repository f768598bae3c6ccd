/**
 * What every platform's fan-out part sets up and takes down alike: the office with its fan-out
 * groups, the fake platform in a child process, a fresh database, the platform's adapter (built by
 * the part from the fake's address) and the bench app, under a run's own Redis prefixes.
 */
import type { Redis } from "ioredis";
import { type Logger, pino } from "pino";
import type { App } from "../src/app/create-app.ts";
import { Directory } from "../src/bot/core/directory.ts";
import type { PlatformAdapter } from "../src/bot/core/platform-adapter.ts";
import { loadOfficeConfig, type OfficeConfig } from "../src/config/load.ts";
import { deletePrefixedKeys } from "../src/queue/redis-prefix-cleanup.ts";
import type { PrismaClient } from "../src/store/generated/client.ts";
import { startBenchApp } from "./bench-app.ts";
import { openBenchDatabase } from "./environment.ts";
import { startFakePlatformProcess } from "./fake-platform-process.ts";
import { sampleRss, type UnderLoad } from "./memory.ts";
import type { BenchOptions } from "./options.ts";

type FakePlatform<M> = Awaited<ReturnType<typeof startFakePlatformProcess<M>>>;

export interface FanOutRun<M> {
  app: App;
  control: Redis;
  fake: FakePlatform<M>;
  config: OfficeConfig;
}

export async function withFanOutRun<M, T>(
  args: {
    input: { root: string; options: BenchOptions; redisUrl: string; runId: string };
    platform: "feishu" | "dingtalk" | "wecom";
    /** The sample office with the part's fan-out groups added. */
    withGroups: (config: OfficeConfig) => OfficeConfig;
    /** Environment of the fake's process (its limits). */
    fakeEnv?: Record<string, string>;
    adapter: (parts: {
      fakeUrl: string;
      redisUrl: string;
      directory: Directory;
      prisma: PrismaClient;
      log: Logger;
      keyPrefix: string;
    }) => PlatformAdapter;
  },
  run: (fanOut: FanOutRun<M>) => Promise<T>,
): Promise<T & UnderLoad> {
  const { input, platform } = args;
  const { options, root, redisUrl } = input;
  const base = await loadOfficeConfig(`${root}/config/org.yaml`, `${root}/config/policy.yaml`);
  const config = args.withGroups(base);
  const fake = await startFakePlatformProcess<M>(root, platform, args.fakeEnv);
  const db = await openBenchDatabase(options.DATABASE_URL);
  const prefix = `${input.runId}-${platform}`;
  const keyPrefix = `${input.runId}-${platform}-limits`;
  const directory = new Directory(config.org);
  const adapter = args.adapter({
    fakeUrl: fake.url,
    redisUrl,
    directory,
    prisma: db.database.prisma,
    log: pino({ level: options.BENCH_LOG_LEVEL }),
    keyPrefix,
  });
  const { app, control } = await startBenchApp({
    config,
    prisma: db.database.prisma,
    sharedDatabase: db.database.kind === "postgres",
    redisUrl,
    prefix,
    logLevel: options.BENCH_LOG_LEVEL,
    platforms: [adapter],
    directory,
  });
  try {
    const rss = sampleRss();
    const result = await run({ app, control, fake, config });
    return { ...result, peakRssMiB: rss.stop().peakRssMiB };
  } finally {
    await app.close();
    await control.quit();
    await fake.close();
    await db.close();
    await deletePrefixedKeys(prefix, redisUrl);
    await deletePrefixedKeys(keyPrefix, redisUrl);
  }
}
