/**
 * Event dedupe on the real test Redis: only a handling that ran to its end makes an event handled;
 * nothing is written before that, so a handling that died leaves nothing behind.
 */
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
  it("knows an event as handled once it is done, for a day, per platform", async () => {
    const dedupe = new RedisEventDedupe(redis, prefix);
    expect(await dedupe.handled("feishu", "evt-1")).toBe(false);
    await dedupe.done("feishu", "evt-1");
    expect(await dedupe.handled("feishu", "evt-1")).toBe(true);
    expect(await redis.ttl(`${prefix}:event:feishu:evt-1`)).toBeGreaterThan(3600);
    expect(await dedupe.handled("wechat", "evt-1")).toBe(false);
  });

  it("writes nothing before the end, so a handling that dies leaves no mark", async () => {
    const dedupe = new RedisEventDedupe(redis, prefix);
    expect(await dedupe.handled("feishu", "evt-crash")).toBe(false);
    expect(await redis.keys(`${prefix}:*`)).toEqual([]);
  });

  it("takes a `processing` claim left by the earlier design for not handled", async () => {
    const dedupe = new RedisEventDedupe(redis, prefix);
    await redis.set(`${prefix}:event:feishu:evt-old`, "processing", "EX", 120);
    expect(await dedupe.handled("feishu", "evt-old")).toBe(false);
  });
});
