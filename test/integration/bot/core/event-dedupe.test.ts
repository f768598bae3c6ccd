/**
 * A platform that redelivers an event (same event id) gets it handled once: the real app on the test
 * Redis (dedupe keys under the test's own prefix) and its own database.
 */
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { testRedisUrl } from "../../../support/redis.ts";

let test: TestApp;

beforeEach(async () => {
  test = await startTestApp();
});

afterEach(async () => {
  await test.close();
});

async function say(text: string, eventId?: string): Promise<void> {
  const response = await fetch(`${test.baseUrl}/api/console/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: test.baseUrl },
    body: JSON.stringify({ chat: "私聊 张三", sender: "张三", text, eventId }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function botReplies(): Promise<ConsoleMessageDto[]> {
  await test.app.idle();
  return (await test.app.history.list("dm:zhangsan")).filter((m) => m.sender === null);
}

describe("event dedupe", () => {
  it("handles an event delivered twice with the same eventId once", async () => {
    await say("/登记", "evt-1");
    await say("/登记", "evt-1");

    const replies = await botReplies();
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain("手机号");
    expect(await test.database.prisma.dialogSession.count()).toBe(1);
    const said = (await test.app.history.list("dm:zhangsan")).filter((m) => m.sender === "zhangsan");
    expect(said).toHaveLength(1);
  });

  it("does not move a dialog on twice when an answer is redelivered", async () => {
    await say("/登记", "evt-start");
    await say("13912345678", "evt-answer");
    await say("13912345678", "evt-answer");

    const replies = await botReplies();
    expect(replies.map((m) => m.text)).toEqual([
      expect.stringContaining("手机号"),
      expect.stringContaining("职务"),
    ]);
    const session = await test.database.prisma.dialogSession.findFirstOrThrow();
    expect(session.stepId).toBe("title");
  });

  it("handles the same text with different event ids each time", async () => {
    await say("我是谁", "evt-a");
    await say("我是谁", "evt-b");

    const replies = await botReplies();
    expect(replies).toHaveLength(2);
    expect(replies.every((m) => m.card?.title === "我的信息")).toBe(true);
  });

  it("keeps the claim in Redis under the app's own queue prefix", async () => {
    await say("我是谁", "evt-prefixed");
    await test.app.idle();
    const client = new Redis(testRedisUrl());
    try {
      expect(await client.exists(`${test.prefix}:event:console:evt-prefixed`)).toBe(1);
      const ttl = await client.ttl(`${test.prefix}:event:console:evt-prefixed`);
      expect(ttl).toBeGreaterThan(3600);
    } finally {
      client.disconnect();
    }
  });
});
