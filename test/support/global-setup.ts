/**
 * vitest global setup: one Redis for the whole test run. `REDIS_URL` when given; otherwise our own
 * `redis-server` on a free loopback port with nothing written to disk, stopped at teardown
 * (Debian's redis-server is installed first when missing and allowed, see `system-packages.ts`).
 * Tests read the address with `testRedisUrl()` from `./redis.ts`.
 */
import type { TestProject } from "vitest/node";
import { ensureSystemPackages, redisServerNeed } from "./system-packages.ts";
import { startThrowawayRedis } from "./throwaway-redis.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Redis every test uses; each test keeps to its own key prefix. */
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const fromEnv = process.env.REDIS_URL?.trim();
  if (fromEnv) {
    project.provide("redisUrl", fromEnv);
    return undefined;
  }

  await ensureSystemPackages([redisServerNeed], (msg) => console.log(`[test setup] ${msg}`));
  const redis = await startThrowawayRedis("test-redis", (msg) => console.log(`[test redis] ${msg}`));
  project.provide("redisUrl", redis.url);
  return () => redis.stop();
}
