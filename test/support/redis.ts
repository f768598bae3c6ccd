/**
 * Redis for tests: the run's shared server (see `global-setup.ts`) and per-test key prefixes,
 * so tests running in parallel never see each other's queues.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { inject } from "vitest";

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
export async function deletePrefixedKeys(prefix: string, url = testRedisUrl()): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  client.on("error", () => {});
  try {
    await client.connect();
    let removed = 0;
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${escapeGlob(prefix)}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) removed += await client.unlink(...keys);
    } while (cursor !== "0");
    return removed;
  } finally {
    client.disconnect();
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}
