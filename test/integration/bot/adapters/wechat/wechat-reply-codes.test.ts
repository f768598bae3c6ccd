/** Reply codes and binding requests on the test Redis: per chat or account, shared, expiring. */
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisBindingRequestStore } from "../../../../../src/queue/redis-binding-requests.ts";
import { createRedis } from "../../../../../src/queue/redis-connection.ts";
import { RedisReplyCodeStore } from "../../../../../src/queue/redis-reply-codes.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";

const ACK = [{ label: "已阅", action: "inc:ack:42" }];
let redis: Redis;
let prefix: string;

beforeAll(() => {
  redis = createRedis(testRedisUrl());
  prefix = uniquePrefix("wechat-codes");
});

afterAll(async () => {
  await redis.quit();
  await deletePrefixedKeys(prefix);
});

describe("RedisReplyCodeStore", () => {
  it("numbers codes per chat and gives a message the same code every time", async () => {
    const store = new RedisReplyCodeStore(redis, prefix);
    const first = await store.issue("leaders", "alert-1", ACK);
    const second = await store.issue("leaders", "alert-2", ACK);
    expect([first, second]).toEqual(["1", "2"]);
    expect(await store.issue("leaders", "alert-1", ACK)).toBe("1");
    expect(await store.issue("qingshan-work", "relay-1", ACK)).toBe("1");
  });

  it("resolves a code only in its own chat, after a restart too", async () => {
    const store = new RedisReplyCodeStore(redis, prefix);
    const code = await store.issue("duty", "alert-9", ACK);
    const restarted = new RedisReplyCodeStore(redis, prefix);
    expect(await restarted.resolve("duty", code)).toEqual({
      code,
      chatId: "duty",
      messageKey: "alert-9",
      buttons: ACK,
    });
    expect(await restarted.ofMessage("duty", "alert-9")).toMatchObject({ code });
    expect(await restarted.resolve("leaders-x", code)).toBeNull();
    expect(await restarted.resolve("duty", "999")).toBeNull();
  });

  it("forgets codes after their time to live", async () => {
    const store = new RedisReplyCodeStore(redis, prefix, 1);
    const code = await store.issue("short", "alert-1", ACK);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(await store.resolve("short", code)).toBeNull();
  });

  it("gives two racing senders of one message one code", async () => {
    const store = new RedisReplyCodeStore(redis, prefix);
    const codes = await Promise.all([1, 2, 3, 4].map(() => store.issue("race", "alert-1", ACK)));
    expect(new Set(codes).size).toBe(1);
  });

  it("answers a code whose entry does not read as one like an unknown code", async () => {
    const store = new RedisReplyCodeStore(redis, prefix);
    const code = await store.issue("garbled", "alert-1", ACK);
    const entryKey = `${prefix}:reply-code:code:garbled:${code}`;
    await redis.set(entryKey, JSON.stringify({ code, chatId: "garbled", buttons: "已阅" }));
    expect(await store.resolve("garbled", code)).toBeNull();
    await redis.set(entryKey, "{not json");
    expect(await store.ofMessage("garbled", "alert-1")).toBeNull();
  });
});

describe("RedisBindingRequestStore", () => {
  it("keeps a request per account until it is removed or expires", async () => {
    const store = new RedisBindingRequestStore(redis, prefix);
    await store.put("wechat", "contact-1", { personId: "lisi", code: "123456" }, 60_000);
    await store.put("wechat", "contact-2", { personId: "wangwu", code: "654321" }, 300);
    expect(await new RedisBindingRequestStore(redis, prefix).get("wechat", "contact-1")).toEqual({
      personId: "lisi",
      code: "123456",
    });
    expect(await store.get("feishu", "contact-1")).toBeNull();
    await store.remove("wechat", "contact-1");
    expect(await store.get("wechat", "contact-1")).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await store.get("wechat", "contact-2")).toBeNull();
  });

  it("counts a stored value that does not read as a request as none", async () => {
    const store = new RedisBindingRequestStore(redis, prefix);
    await redis.set(`${prefix}:binding-request:wechat:contact-3`, JSON.stringify({ personId: "lisi" }));
    expect(await store.get("wechat", "contact-3")).toBeNull();
  });
});
