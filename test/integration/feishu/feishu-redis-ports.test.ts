/**
 * The Redis parts the Feishu adapter coordinates through: the shared sliding-window rate limit
 * (several keys taken together or not at all, shared by two clients) and the holder lease.
 */
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { takeSlots } from "../../../src/bot/core/rate-limiter.ts";
import { createRedis } from "../../../src/queue/redis-connection.ts";
import { RedisLease } from "../../../src/queue/redis-lease.ts";
import { RedisRateLimiter } from "../../../src/queue/redis-rate-limiter.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../support/redis.ts";

describe("feishu redis ports", () => {
  let redis: Redis[];
  let prefix: string;

  beforeEach(() => {
    redis = [createRedis(testRedisUrl()), createRedis(testRedisUrl())];
    prefix = uniquePrefix("feishu-ports");
  });

  afterEach(async () => {
    await Promise.all(redis.map((r) => r.quit()));
    await deletePrefixedKeys(prefix);
  });

  it("limits a key across two clients and tells how long to wait", async () => {
    const [a, b] = redis.map((r) => new RedisRateLimiter(r, prefix)) as [RedisRateLimiter, RedisRateLimiter];
    const slot = [{ key: "chat:1", limit: 3 }];
    expect(await a.reserve(slot, 1000)).toBe(0);
    expect(await b.reserve(slot, 1000)).toBe(0);
    expect(await a.reserve(slot, 1000)).toBe(0);
    const fourth = await b.reserve(slot, 1000);
    expect(fourth).toBeGreaterThan(900);
    expect(fourth).toBeLessThanOrEqual(1000);
    // The next two share the fourth's window; the one after them waits a window more.
    const later = [await a.reserve(slot, 1000), await b.reserve(slot, 1000), await a.reserve(slot, 1000)];
    for (const wait of later.slice(0, 2)) {
      expect(wait).toBeGreaterThan(900);
      expect(wait).toBeLessThanOrEqual(1000);
    }
    expect(later[2]).toBeGreaterThan(1900);
    expect(later[2]).toBeLessThanOrEqual(2000);
    expect(await a.reserve([{ key: "chat:2", limit: 3 }], 1000)).toBe(0);
  });

  it("reserves every key of a call at one time, so a full key holds back the others with it", async () => {
    const limiter = new RedisRateLimiter(redis[0] as Redis, prefix);
    expect(await limiter.reserve([{ key: "app", limit: 1 }], 1000)).toBe(0);
    // The app key is full: the chat key's slot is reserved when the app's is, a window on.
    const both = await limiter.reserve(
      [
        { key: "chat:9", limit: 1 },
        { key: "app", limit: 1 },
      ],
      1000,
    );
    expect(both).toBeGreaterThan(900);
    expect(both).toBeLessThanOrEqual(1000);
    // So the chat's next call comes a window after that, and another chat's goes at once.
    expect(await limiter.reserve([{ key: "chat:9", limit: 1 }], 1000)).toBeGreaterThan(1900);
    expect(await limiter.reserve([{ key: "chat:8", limit: 1 }], 1000)).toBe(0);
  });

  it("spaces a burst into windows, in the order asked", async () => {
    const limiter = new RedisRateLimiter(redis[0] as Redis, prefix);
    const started = Date.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, async (_, i) => {
        await takeSlots(limiter, [{ key: "burst", limit: 3 }], 300);
        times[i] = Date.now() - started;
      }),
    );
    // By the order asked: the first three in the first window, the next three in the second.
    for (const i of [0, 1, 2]) expect(times[i]).toBeLessThan(200);
    for (const i of [3, 4, 5]) {
      expect(times[i]).toBeGreaterThanOrEqual(290);
      expect(times[i]).toBeLessThan(500);
    }
    expect(times[6]).toBeGreaterThanOrEqual(590);
  });

  it("asks Redis once per call however long the wait", async () => {
    const limiter = new RedisRateLimiter(redis[0] as Redis, prefix);
    await limiter.reserve([{ key: "warm", limit: 1 }], 200); // the script is loaded: each call is one EVALSHA
    const monitor = await (redis[1] as Redis).monitor();
    let calls = 0;
    monitor.on("monitor", (_time: string, args: string[]) => {
      if (/^evalsha$/i.test(args[0] ?? "") && args.some((a) => a.endsWith(":rate:herd"))) calls++;
    });
    await Promise.all(Array.from({ length: 20 }, () => takeSlots(limiter, [{ key: "herd", limit: 5 }], 200)));
    monitor.disconnect();
    expect(calls).toBe(20);
  });

  it("gives the lease to one holder, renews only its own, and frees it on release or expiry", async () => {
    const [a, b] = redis.map((r) => new RedisLease(r, prefix)) as [RedisLease, RedisLease];
    expect(await a.acquire("conn", "A", 400)).toBe(true);
    expect(await b.acquire("conn", "B", 400)).toBe(false);
    expect(await b.renew("conn", "B", 400)).toBe(false);
    expect(await a.renew("conn", "A", 400)).toBe(true);
    await b.release("conn", "B"); // not B's: nothing happens
    expect(await b.acquire("conn", "B", 400)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 500)); // A died without releasing
    expect(await b.acquire("conn", "B", 400)).toBe(true);
    expect(await a.renew("conn", "A", 400)).toBe(false);
    await b.release("conn", "B");
    expect(await a.acquire("conn", "A", 400)).toBe(true);
  });
});
