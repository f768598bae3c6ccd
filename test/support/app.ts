/**
 * A real app for tests: the sample office (or given config), a fresh database, a unique queue
 * prefix on the test Redis, and the console over HTTP on a free port.
 */
import { join } from "node:path";
import { pino } from "pino";
import { type App, type AppOptions, createApp } from "../../src/app/create-app.ts";
import { loadOfficeConfig, type OfficeConfig } from "../../src/config/load.ts";
import type { Database } from "../../src/store/database.ts";
import { openTestDatabase } from "./database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "./redis.ts";

export const ROOT = join(import.meta.dirname, "..", "..");

export function sampleConfig(): Promise<OfficeConfig> {
  return loadOfficeConfig(join(ROOT, "config/org.yaml"), join(ROOT, "config/policy.yaml"));
}

export interface TestApp {
  app: App;
  database: Database;
  prefix: string;
  baseUrl: string;
  close(): Promise<void>;
}

export const silentLog = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

export async function startTestApp(
  options: Partial<Omit<AppOptions, "prisma" | "redisUrl" | "log">> & {
    database?: Database;
    prefix?: string;
    /** The app's Redis (a TCP proxy in front of the test Redis, to take it away); the test Redis unless given. */
    redisUrl?: string;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase());
  const prefix = options.prefix ?? uniquePrefix("app");
  const app = await createApp({
    config: options.config ?? (await sampleConfig()),
    prisma: database.prisma,
    log: silentLog,
    queuePrefix: prefix,
    http: options.http ?? { host: "127.0.0.1", port: 0 },
    ...options,
    redisUrl: options.redisUrl ?? testRedisUrl(),
    // Apps on one PostgreSQL run as processes sharing it; give true for several apps on one PGlite.
    sharedDatabase: options.sharedDatabase ?? database.kind === "postgres",
  });
  return {
    app,
    database,
    prefix,
    baseUrl: app.url ?? "",
    async close() {
      await app.close();
      if (!options.database) await database.close();
      if (!options.prefix) await deletePrefixedKeys(prefix);
    },
  };
}
