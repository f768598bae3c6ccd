/**
 * Numbers that do not fit the database's int4 columns and control characters PostgreSQL cannot
 * store (or that have no business in a chat message) are the caller's mistake: 400 naming the
 * field, a Chinese sentence, and nothing stored — never a 500 from the database.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../../support/app.ts";

let test: TestApp;

// The first app of a file loads every module: generous under a loaded machine.
beforeEach(async () => {
  test = await startTestApp();
}, 90_000);

afterEach(async () => {
  await test.close();
});

async function request(
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${test.baseUrl}${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json", origin: test.baseUrl },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const stored = () => test.database.prisma.consoleMessage.count();
const CHINESE = /[\u4e00-\u9fff]/;

function expectRefused(answer: { status: number; json: Record<string, unknown> }, field: string): void {
  expect(answer.status).toBe(400);
  expect(answer.json.field).toBe(field);
  expect(answer.json.error).toMatch(CHINESE);
}

describe("control characters in POST /api/console/messages", () => {
  it.each([
    ["NUL", "你好\u0000"],
    ["BEL", "上报\u0007"],
    ["ESC", "\u001b[31m上报"],
    ["vertical tab", "上报\u000b青山镇"],
    ["DEL", "上报\u007f"],
  ])("refuses a %s in text with 400 naming text and stores nothing", async (_name, text) => {
    const answer = await request("POST", "/api/console/messages", {
      chat: "私聊 张三",
      sender: "张三",
      text,
    });
    expectRefused(answer, "text");
    expect(answer.json.error).toContain("控制字符");
    expect(await stored()).toBe(0);
  });

  it("refuses a NUL in eventId (stored with the message) with 400 naming eventId", async () => {
    const answer = await request("POST", "/api/console/messages", {
      chat: "私聊 张三",
      sender: "张三",
      text: "你好",
      eventId: "evt\u00001",
    });
    expectRefused(answer, "eventId");
    expect(await stored()).toBe(0);
  });

  it("keeps line breaks, tabs and carriage returns", async () => {
    const answer = await request("POST", "/api/console/messages", {
      chat: "私聊 张三",
      sender: "张三",
      text: "第一行\r\n第二行\t完",
    });
    expect(answer.status).toBe(200);
    expect((answer.json.message as { text: string }).text).toBe("第一行\r\n第二行\t完");
    await test.app.idle();
  });
});

describe("GET /api/console/messages?after=", () => {
  it.each(["2147483648", "99999999999999999999", "-1", "1.5", "abc", "0x10", "1e3"])(
    "refuses after=%s with 400 naming after",
    async (after) => {
      const answer = await request(
        "GET",
        `/api/console/messages?chat=${encodeURIComponent("私聊 张三")}&after=${after}`,
      );
      expectRefused(answer, "after");
    },
  );

  it("accepts the largest int4, 2147483647", async () => {
    const answer = await request(
      "GET",
      `/api/console/messages?chat=${encodeURIComponent("私聊 张三")}&after=2147483647`,
    );
    expect(answer.status).toBe(200);
    expect(answer.json.messages).toEqual([]);
  });
});

describe("POST /api/console/actions with a messageId out of range", () => {
  it.each([2147483648, 1e20, -1, 0, 1.5, "abc", true])(
    "refuses messageId %s with 400 naming messageId and stores nothing",
    async (messageId) => {
      const answer = await request("POST", "/api/console/actions", {
        chat: "私聊 张三",
        sender: "张三",
        messageId,
        action: "已阅",
      });
      expectRefused(answer, "messageId");
      expect(await stored()).toBe(0);
    },
  );

  it("answers 404 naming messageId for the largest int4 that is no message", async () => {
    const answer = await request("POST", "/api/console/actions", {
      chat: "私聊 张三",
      sender: "张三",
      messageId: 2147483647,
      action: "已阅",
    });
    expect(answer.status).toBe(404);
    expect(answer.json.field).toBe("messageId");
  });
});
