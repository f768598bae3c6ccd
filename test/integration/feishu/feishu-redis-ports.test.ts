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
    expect(await a.tryTake(slot, 1000)).toBe(0);
    expect(await b.tryTake(slot, 1000)).toBe(0);
    expect(await a.tryTake(slot, 1000)).toBe(0);
    const wait = await b.tryTake(slot, 1000);
    expect(wait).toBeGreaterThan(900);
    expect(wait).toBeLessThanOrEqual(1000);
    expect(await a.tryTake([{ key: "chat:2", limit: 3 }], 1000)).toBe(0);
  });

  it("takes every key of a call or none", async () => {
    const limiter = new RedisRateLimiter(redis[0] as Redis, prefix);
    expect(await limiter.tryTake([{ key: "app", limit: 1 }], 1000)).toBe(0);
    // The app key is full: the chat key must not lose a slot meanwhile.
    expect(
      await limiter.tryTake(
        [
          { key: "chat:9", limit: 1 },
          { key: "app", limit: 1 },
        ],
        1000,
      ),
    ).toBeGreaterThan(0);
    expect(await limiter.tryTake([{ key: "chat:9", limit: 1 }], 1000)).toBe(0);
  });

  it("spaces a burst into windows", async () => {
    const limiter = new RedisRateLimiter(redis[0] as Redis, prefix);
    const started = Date.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, async () => {
        await takeSlots(limiter, [{ key: "burst", limit: 3 }], 300);
        times.push(Date.now() - started);
      }),
    );
    times.sort((x, y) => x - y);
    expect(times[2]).toBeLessThan(200);
    expect(times[3]).toBeGreaterThanOrEqual(290);
    expect(times[6]).toBeGreaterThanOrEqual(590);
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
