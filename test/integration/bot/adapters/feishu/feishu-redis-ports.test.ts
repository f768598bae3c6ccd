/**
 * The Redis parts the Feishu adapter coordinates through: the shared sliding-window rate limit
 * (several keys taken together or not at all, shared by two clients, a slot counting until its
 * call is answered) and the holder lease.
 */
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withSlots } from "../../../../../src/bot/adapters/common/rate-limiter.ts";
import { createRedis } from "../../../../../src/queue/redis-connection.ts";
import { RedisLease } from "../../../../../src/queue/redis-lease.ts";
import { RedisRateLimiter } from "../../../../../src/queue/redis-rate-limiter.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";

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

  // A wait is a window (or two) less the time already gone since the first call: on a busy machine
  // the calls here may be some way apart, so each wait is checked against the time actually gone.
  const aboutWindows = (ms: number, windows: number, started: number) => {
    expect(ms).toBeGreaterThanOrEqual(windows * 1000 - (Date.now() - started) - 5);
    expect(ms).toBeLessThanOrEqual(windows * 1000);
  };

  it("limits a key across two clients and tells how long to wait", async () => {
    const [a, b] = redis.map((r) => new RedisRateLimiter(r, prefix)) as [RedisRateLimiter, RedisRateLimiter];
    const slot = [{ key: "chat:1", limit: 3 }];
    const wait = async (limiter: RedisRateLimiter, slots = slot) =>
      (await limiter.reserve(slots, 1000)).waitMs;
    const started = Date.now();
    expect([await wait(a), await wait(b), await wait(a)]).toEqual([0, 0, 0]);
    aboutWindows(await wait(b), 1, started);
    // The next two share the fourth's window; the one after them waits a window more.
    const later = [await wait(a), await wait(b), await wait(a)];
    for (const ms of later.slice(0, 2)) aboutWindows(ms, 1, started);
    aboutWindows(later[2] as number, 2, started);
    expect(await wait(a, [{ key: "chat:2", limit: 3 }])).toBe(0);
  });

  it("reserves every key of a call at one time, so a full key holds back the others with it", async () => {
    const limiter = new RedisRateLimiter(redis[0] as Redis, prefix);
    const wait = async (slots: { key: string; limit: number }[]) =>
      (await limiter.reserve(slots, 1000)).waitMs;
    const started = Date.now();
    expect(await wait([{ key: "app", limit: 1 }])).toBe(0);
    // The app key is full: the chat key's slot is planned when the app's is, a window on.
    aboutWindows(
      await wait([
        { key: "chat:9", limit: 1 },
        { key: "app", limit: 1 },
      ]),
      1,
      started,
    );
    // So the chat's next call comes a window after that, and another chat's goes at once.
    aboutWindows(await wait([{ key: "chat:9", limit: 1 }]), 2, started);
    expect(await wait([{ key: "chat:8", limit: 1 }])).toBe(0);
  });

  it("counts a slot from when its call was answered: a late answer holds back the call planned after it", async () => {
    const limiter = new RedisRateLimiter(redis[0] as Redis, prefix);
    const slot = [{ key: "slow", limit: 1 }];
    const started = Date.now();
    const first = await limiter.reserve(slot, 1000);
    expect(first.waitMs).toBe(0);
    const second = await limiter.reserve(slot, 1000);
    aboutWindows(second.waitMs, 1, started);
    // The first call is answered 500 ms after it was sent, so the second may go a second after that.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const answeredBefore = Date.now();
    await limiter.settle(first.ticket, slot, 1000);
    await new Promise((resolve) => setTimeout(resolve, second.waitMs - 500));
    let wait = await limiter.take(second.ticket, slot, 1000);
    expect(wait, "planned a window after the sending, so told to wait for the answer's").toBeGreaterThan(0);
    while (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = await limiter.take(second.ticket, slot, 1000);
    }
    expect(Date.now()).toBeGreaterThanOrEqual(answeredBefore + 1000);
  });

  it("runs a burst in windows, in the order asked, each a window after the answer it waits for", async () => {
    const limiter = new RedisRateLimiter(redis[0] as Redis, prefix);
    const started = Date.now();
    const calls: { start: number; end: number }[] = [];
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        withSlots(limiter, [{ key: "burst", limit: 3 }], 1000, async () => {
          const start = Date.now() - started;
          await new Promise((resolve) => setTimeout(resolve, 50)); // the platform's answer takes 50 ms
          calls[i] = { start, end: Date.now() - started };
        }),
      ),
    );
    const at = (i: number) => calls[i] as { start: number; end: number };
    for (const i of [0, 1, 2]) expect(at(i).start).toBeLessThan(900);
    // Each of the second three goes a window after one of the first three was answered.
    const firstAnswers = [0, 1, 2].map((i) => at(i).end).sort((x, y) => x - y);
    const secondStarts = [3, 4, 5].map((i) => at(i).start).sort((x, y) => x - y);
    for (const [n, start] of secondStarts.entries())
      expect(start).toBeGreaterThanOrEqual((firstAnswers[n] as number) + 995);
    expect(at(6).start).toBeGreaterThanOrEqual(Math.min(...[3, 4, 5].map((i) => at(i).end)) + 995);
  });

  it("asks Redis a few times per call however long the wait, not over and over", async () => {
    const connection = redis[0] as Redis;
    const limiter = new RedisRateLimiter(connection, prefix);
    await limiter.reserve([{ key: "warm", limit: 1 }], 200); // the scripts are loaded: each call is one EVALSHA
    // Count the script calls this connection sends (MONITOR would see every test's traffic, and
    // ioredis fails to parse some of it).
    let calls = 0;
    const send = connection.sendCommand.bind(connection);
    connection.sendCommand = (command, stream) => {
      const args = command.args.map(String);
      if (/^eval(sha)?$/i.test(command.name) && args.some((a) => a.endsWith(":rate:herd"))) calls++;
      return send(command, stream);
    };
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withSlots(limiter, [{ key: "herd", limit: 5 }], 200, async () => undefined),
      ),
    );
    // Per call: plan, settle, and for those that wait, a take or a few at their time: an answer that
    // comes later than planned moves the slot, and the waiters behind it take again (seen: 49–69 in
    // all; polling every few ms would be hundreds). How many wait depends on the machine: on a slow
    // one a late plan finds its window already over.
    expect(calls).toBeGreaterThanOrEqual(20 + 20);
    expect(calls).toBeLessThanOrEqual(150);
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
