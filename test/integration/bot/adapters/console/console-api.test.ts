/**
 * The console's JSON API with bad input, against the real app (test Redis, own database): wrong
 * requests get a 4xx naming the field, strangers are refused without a trace in the history, and
 * what the bot cannot use gets a polite answer.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../../../src/bot/adapters/console/console-message.ts";
import { MAX_TEXT_LENGTH } from "../../../../../src/bot/core/replies.ts";
import { startTestApp, type TestApp } from "../../../../support/app.ts";

let test: TestApp;

beforeEach(async () => {
  test = await startTestApp();
});

afterEach(async () => {
  await test.close();
});

async function post(body: unknown, raw?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${test.baseUrl}/api/console/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: test.baseUrl },
    body: raw ?? JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** The bot's messages in a chat once everything the request caused is done. */
async function botReplies(chat: string): Promise<ConsoleMessageDto[]> {
  await test.app.idle();
  const response = await fetch(`${test.baseUrl}/api/console/messages?chat=${encodeURIComponent(chat)}`);
  expect(response.status).toBe(200);
  const { messages } = (await response.json()) as { messages: ConsoleMessageDto[] };
  return messages.filter((m) => m.sender === null);
}

const storedMessages = () => test.database.prisma.consoleMessage.count();

describe("POST /api/console/messages with a malformed body", () => {
  it.each([
    ["sender", { chat: "私聊 张三", text: "你好" }],
    ["chat", { chat: "", sender: "张三", text: "你好" }],
    ["text", { chat: "私聊 张三", sender: "张三", text: "" }],
    ["text", { chat: "私聊 张三", sender: "张三", text: 42 }],
    ["eventId", { chat: "私聊 张三", sender: "张三", text: "你好", eventId: "x".repeat(201) }],
  ])("answers 400 naming %s", async (field, body) => {
    const { status, json } = await post(body);
    expect(status).toBe(400);
    expect(json.field).toBe(field);
    expect(json.error).toMatch(/[\u4e00-\u9fff]/);
    expect(await storedMessages()).toBe(0);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const { status, json } = await post(undefined, "{chat: 私聊 张三");
    expect(status).toBe(400);
    expect(json.error).toBe("请求格式不对。");
    expect(await storedMessages()).toBe(0);
  });
});

describe("POST /api/console/messages from someone who may not speak there", () => {
  it("refuses a sender who is not in the org file with 403 and stores nothing", async () => {
    const { status, json } = await post({ chat: "青山镇工作群", sender: "赵六", text: "@bot 你好" });
    expect(status).toBe(403);
    expect(json.field).toBe("sender");
    expect(json.error).toContain("赵六");
    expect(json.error).toContain("不在通讯录中");
    expect(await storedMessages()).toBe(0);
  });

  it("refuses a person in a group they are not a member of with 403 and stores nothing", async () => {
    const { status, json } = await post({ chat: "县领导群", sender: "张三", text: "@bot 我是谁" });
    expect(status).toBe(403);
    expect(json.field).toBe("sender");
    expect(json.error).toContain("不是「县领导群」的成员");
    expect(await storedMessages()).toBe(0);
  });

  it("refuses to speak in someone else's one-to-one chat", async () => {
    const { status } = await post({ chat: "私聊 李四", sender: "张三", text: "我是谁" });
    expect(status).toBe(403);
    expect(await storedMessages()).toBe(0);
  });

  it("answers 404 naming the chat when there is no such chat", async () => {
    const { status, json } = await post({ chat: "不存在的群", sender: "张三", text: "你好" });
    expect(status).toBe(404);
    expect(json.field).toBe("chat");
    expect(await storedMessages()).toBe(0);
  });
});

describe("what the bot cannot use", () => {
  it(`answers a text over ${MAX_TEXT_LENGTH} characters with a polite refusal`, async () => {
    const long = "情".repeat(MAX_TEXT_LENGTH + 1);
    const { status } = await post({ chat: "私聊 张三", sender: "张三", text: long });
    expect(status).toBe(200);
    const replies = await botReplies("私聊 张三");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain(`${MAX_TEXT_LENGTH + 1} 个字`);
    expect(replies[0]?.text).toContain(`超过了 ${MAX_TEXT_LENGTH} 字的上限`);
    expect(replies[0]?.text).toContain("请分几条发送");
  });

  it(`handles a text of exactly ${MAX_TEXT_LENGTH} characters normally`, async () => {
    await post({ chat: "私聊 张三", sender: "张三", text: "情".repeat(MAX_TEXT_LENGTH) });
    const replies = await botReplies("私聊 张三");
    expect(replies.map((m) => m.text)).toEqual([expect.stringContaining("没有听懂")]);
  });

  it("answers an unknown command in a one-to-one chat with a hint to ask for help", async () => {
    const { status } = await post({ chat: "私聊 李四", sender: "李四", text: "/上天" });
    expect(status).toBe(200);
    const replies = await botReplies("私聊 李四");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain("没有听懂");
    expect(replies[0]?.text).toContain("帮助");
  });

  it("stays quiet about chatter in a group that does not mention it", async () => {
    await post({ chat: "青山镇工作群", sender: "钱镇长", text: "大家注意防汛安全" });
    expect(await botReplies("青山镇工作群")).toEqual([]);
  });
});

describe("GET /healthz", () => {
  it("answers 200 with the database and Redis ok", async () => {
    const response = await fetch(`${test.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok", redis: "ok" });
  });
});
