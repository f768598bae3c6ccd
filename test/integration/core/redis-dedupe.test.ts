/** Event dedupe on the real test Redis: a claim in flight or done drops redeliveries; a claim left by a crash runs out. */
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRedis } from "../../../src/queue/redis-connection.ts";
import { RedisEventDedupe } from "../../../src/queue/redis-dedupe.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../support/redis.ts";

let redis: Redis;
let prefix: string;

beforeEach(() => {
  redis = createRedis(testRedisUrl());
  prefix = uniquePrefix("dedupe");
});

afterEach(async () => {
  await redis.quit();
  await deletePrefixedKeys(prefix);
});

describe("RedisEventDedupe", () => {
  it("drops a redelivery while the first handling runs and after it is done", async () => {
    const dedupe = new RedisEventDedupe(redis, prefix);
    expect(await dedupe.claim("feishu", "evt-1")).toBe(true);
    expect(await dedupe.claim("feishu", "evt-1")).toBe(false);
    await dedupe.done("feishu", "evt-1");
    expect(await dedupe.claim("feishu", "evt-1")).toBe(false);
    expect(await redis.ttl(`${prefix}:event:feishu:evt-1`)).toBeGreaterThan(3600);
    expect(await dedupe.claim("wechat", "evt-1")).toBe(true);
  });

  it("handles a redelivery again once a claim left by a dead process has run out", async () => {
    const dedupe = new RedisEventDedupe(redis, prefix, 1);
    expect(await dedupe.claim("feishu", "evt-crash")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await dedupe.claim("feishu", "evt-crash")).toBe(true);
    await dedupe.done("feishu", "evt-crash");
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await dedupe.claim("feishu", "evt-crash")).toBe(false);
  });

  it("gives the claim back after a failed handling", async () => {
    const dedupe = new RedisEventDedupe(redis, prefix);
    expect(await dedupe.claim("console", "evt-fail")).toBe(true);
    await dedupe.release("console", "evt-fail");
    expect(await dedupe.claim("console", "evt-fail")).toBe(true);
  });
});
