/**
 * The app every bench part measures: the real `createApp` on the given database and Redis, under a
 * queue prefix of its own, with no HTTP server unless one is asked for (the desk part), plus a separate
 * Redis client for reading stats.
 */
import type { Redis } from "ioredis";
import { pino } from "pino";
import { type App, createApp } from "../src/app/create-app.ts";
import type { Address } from "../src/app/http-server.ts";
import type { Directory } from "../src/bot/core/directory.ts";
import type { PlatformAdapter } from "../src/bot/core/platform-adapter.ts";
import type { OfficeConfig } from "../src/config/load.ts";
import { createRedis } from "../src/queue/redis-connection.ts";
import type { PrismaClient } from "../src/store/generated/client.ts";
import {
  type BenchDatabase,
  deletePrefixedKeys,
  openBenchDatabase,
  uniqueBenchPrefix,
} from "./environment.ts";

export async function startBenchApp(options: {
  config: OfficeConfig;
  prisma: PrismaClient;
  /** PostgreSQL: measured as a process among several (conversation lock, no session cache). */
  sharedDatabase: boolean;
  redisUrl: string;
  prefix: string;
  logLevel?: string;
  platforms?: PlatformAdapter[];
  /** The directory the platforms were given, so the app uses the same one. */
  directory?: Directory;
  /** Serve HTTP here (on loopback without platforms the console and desk are in demo mode). */
  http?: Address;
}): Promise<{ app: App; control: Redis }> {
  const app = await createApp({
    config: options.config,
    prisma: options.prisma,
    redisUrl: options.redisUrl,
    log: pino({ level: options.logLevel ?? "silent" }),
    queuePrefix: options.prefix,
    platforms: options.platforms,
    directory: options.directory,
    sharedDatabase: options.sharedDatabase,
    ...(options.http ? { http: options.http } : {}),
  });
  return { app, control: createRedis(options.redisUrl) };
}

/** What a bench part returns: its figures with checks, which the cleanup adds its own to. */
export interface PartResult<
  P extends { checks: { ok: boolean; redisKeysRemoved?: number; redisKeysLeft?: number } },
> {
  database: { kind: "pglite" | "postgres"; where: string };
  part: P;
}

/**
 * Runs one bench part on its own fresh database, app and queue prefix, then closes them all, deletes
 * the prefix's Redis keys and records in the part's checks how many were left (none, or it failed).
 */
export async function withBenchApp<
  P extends { checks: { ok: boolean; redisKeysRemoved?: number; redisKeysLeft?: number } },
>(
  args: {
    databaseUrl: string | undefined;
    config: OfficeConfig;
    redisUrl: string;
    logLevel: string;
    name: string;
    http?: Address;
  },
  progress: (message: string) => void,
  run: (app: App, control: Redis, prefix: string) => Promise<P>,
): Promise<PartResult<P>> {
  let database: BenchDatabase | undefined;
  let app: App | undefined;
  let control: Redis | undefined;
  const prefix = uniqueBenchPrefix();
  let cleanup = { removed: 0, left: -1 };
  let result: PartResult<P> | undefined;
  try {
    database = await openBenchDatabase(args.databaseUrl);
    progress(`${args.name}: database ${database.database.kind} (${database.where}), prefix ${prefix}`);
    ({ app, control } = await startBenchApp({
      config: args.config,
      prisma: database.database.prisma,
      sharedDatabase: database.database.kind === "postgres",
      redisUrl: args.redisUrl,
      prefix,
      logLevel: args.logLevel,
      ...(args.http ? { http: args.http } : {}),
    }));
    result = {
      database: { kind: database.database.kind, where: database.where },
      part: await run(app, control, prefix),
    };
  } finally {
    await app?.close().catch((error) => progress(`app close failed: ${String(error)}`));
    control?.disconnect();
    await database?.close().catch((error) => progress(`database close failed: ${String(error)}`));
    cleanup = await deletePrefixedKeys(args.redisUrl, prefix).catch(() => cleanup);
  }
  if (!result) throw new Error("no result");
  result.part.checks.redisKeysRemoved = cleanup.removed;
  result.part.checks.redisKeysLeft = cleanup.left;
  result.part.checks.ok = result.part.checks.ok && cleanup.left === 0;
  return result;
}
