/**
 * The app every bench part measures: the real `createApp` on the given database and Redis, under a
 * queue prefix of its own, with no HTTP server, plus a separate Redis client for reading stats.
 */
import type { Redis } from "ioredis";
import { pino } from "pino";
import { type App, createApp } from "../src/app/create-app.ts";
import type { PlatformAdapter } from "../src/bot/core/platform-adapter.ts";
import type { OfficeConfig } from "../src/config/load.ts";
import { createRedis } from "../src/queue/redis-connection.ts";
import type { PrismaClient } from "../src/store/generated/client.ts";

export async function startBenchApp(options: {
  config: OfficeConfig;
  prisma: PrismaClient;
  redisUrl: string;
  prefix: string;
  logLevel?: string;
  platforms?: PlatformAdapter[];
}): Promise<{ app: App; control: Redis }> {
  const app = await createApp({
    config: options.config,
    prisma: options.prisma,
    redisUrl: options.redisUrl,
    log: pino({ level: options.logLevel ?? "silent" }),
    queuePrefix: options.prefix,
    platforms: options.platforms,
  });
  return { app, control: createRedis(options.redisUrl) };
}
