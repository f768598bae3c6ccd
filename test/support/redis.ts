/**
 * Redis for tests: the run's shared server (see `global-setup.ts`) and per-test key prefixes,
 * so tests running in parallel never see each other's queues.
 */
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { deletePrefixedKeys as deleteKeysUnder } from "../../src/queue/redis-prefix-cleanup.ts";

/** The Redis URL of this test run: `REDIS_URL`, or the server the global setup started. */
export function testRedisUrl(): string {
  const url = process.env.REDIS_URL?.trim() || inject("redisUrl");
  if (!url) throw new Error("No test Redis: run through vitest.config.ts (global setup) or set REDIS_URL.");
  return url;
}

let counter = 0;

/**
 * A BullMQ `prefix` no other test uses: `t-<name>-<pid>-<n>-<random>`.
 * Only letters, digits and `-`, since BullMQ joins prefix and queue name with `:`.
 */
export function uniquePrefix(name: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "test";
  counter += 1;
  return `t-${slug}-${process.pid}-${counter}-${randomBytes(3).toString("hex")}`;
}

/** Deletes every key under `prefix:` (a test's cleanup). Returns how many keys were removed. */
export function deletePrefixedKeys(prefix: string, url = testRedisUrl()): Promise<number> {
  return deleteKeysUnder(prefix, url);
}
