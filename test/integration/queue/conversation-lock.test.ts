/**
 * The conversation lock across processes, on the real Redis lease: two locks on two connections
 * stand for two bot processes.
 */
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ConversationBusyError,
  DEFAULT_LEASE_LOCK_TIMINGS,
  LeaseConversationLock,
  type LeaseLockTimings,
} from "../../../src/bot/core/conversation-lock.ts";
import { createRedis } from "../../../src/queue/redis-connection.ts";
import { RedisLease } from "../../../src/queue/redis-lease.ts";
import { silentLog } from "../../support/app.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../support/redis.ts";

/** A promise the test resolves by hand. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("LeaseConversationLock", () => {
  let redis: [Redis, Redis];
  let prefix: string;

  beforeEach(() => {
    redis = [createRedis(testRedisUrl()), createRedis(testRedisUrl())];
    prefix = uniquePrefix("conversation-lock");
  });

  afterEach(async () => {
    await Promise.all(redis.map((r) => r.quit()));
    await deletePrefixedKeys(prefix);
  });

  const locks = (timings: LeaseLockTimings = DEFAULT_LEASE_LOCK_TIMINGS) =>
    redis.map((r) => new LeaseConversationLock(new RedisLease(r, prefix), silentLog, timings)) as [
      LeaseConversationLock,
      LeaseConversationLock,
    ];

  it("runs one conversation's tasks in one process at a time, and others meanwhile", async () => {
    const [a, b] = locks();
    const log: string[] = [];
    const held = gate();
    const started = gate();
    const first = a.run("qingshan-work|zhangsan", async () => {
      log.push("a start");
      started.open();
      await held.promise;
      log.push("a end");
    });
    await started.promise;
    const second = b.run("qingshan-work|zhangsan", async () => {
      log.push("b start");
    });
    await b.run("qingshan-work|lisi", async () => {
      log.push("other conversation");
    });
    await sleep(50);
    expect(log).toEqual(["a start", "other conversation"]);
    held.open();
    await Promise.all([first, second]);
    expect(log).toEqual(["a start", "other conversation", "a end", "b start"]);
  });

  it("keeps the lease past its lifetime while the task runs, and frees it after a failure", async () => {
    const timings = { ttlMs: 1000, maxWaitMs: 10_000, firstPollMs: 2, maxPollMs: 20 };
    const [a, b] = locks(timings);
    const log: string[] = [];
    const started = gate();
    const first = a
      .run("dm:zhangsan|zhangsan", async () => {
        started.open();
        await sleep(2500);
        log.push("a done");
        throw new Error("handler failed");
      })
      .catch((error: Error) => error.message);
    await started.promise;
    await b.run("dm:zhangsan|zhangsan", async () => {
      log.push("b runs");
    });
    expect(log).toEqual(["a done", "b runs"]);
    expect(await first).toBe("handler failed");
  });

  it("takes over a conversation whose holder died once its lease runs out", async () => {
    const lease = new RedisLease(redis[0], prefix);
    expect(await lease.acquire("conversation:dm:zhangsan|zhangsan", "dead-process", 300)).toBe(true);
    const [, b] = locks({ ttlMs: 300, maxWaitMs: 5000, firstPollMs: 2, maxPollMs: 20 });
    const started = Date.now();
    expect(await b.run("dm:zhangsan|zhangsan", async () => "handled")).toBe("handled");
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("gives up with ConversationBusyError when the conversation stays held", async () => {
    const [a, b] = locks({ ttlMs: 5000, maxWaitMs: 200, firstPollMs: 2, maxPollMs: 20 });
    const held = gate();
    const started = gate();
    const first = a.run("dm:zhangsan|zhangsan", () => {
      started.open();
      return held.promise;
    });
    await started.promise;
    let ran = false;
    await expect(
      b.run("dm:zhangsan|zhangsan", async () => {
        ran = true;
      }),
    ).rejects.toBeInstanceOf(ConversationBusyError);
    expect(ran).toBe(false);
    held.open();
    await first;
  });
});
