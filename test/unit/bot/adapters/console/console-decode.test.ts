/** The console's decode on recorded POST bodies (test/fixtures/console), over the sample org file. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  actionBody,
  decodeConsoleMessage,
  decodeConsolePress,
  messageBody,
} from "../../../../../src/bot/adapters/console/console-decode.ts";
import type { ConsoleMessageDto } from "../../../../../src/bot/adapters/console/console-message.ts";
import { ConsoleRequestError } from "../../../../../src/bot/adapters/console/console-request-error.ts";
import { Directory } from "../../../../../src/bot/core/directory.ts";
import { sampleConfig } from "../../../../support/app.ts";

const directory = new Directory((await sampleConfig()).org);
const AT = new Date("2026-03-02T06:25:00Z");
const body = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/console/${name}`, "utf8"));

/** The alert card the action fixture presses, as the console's history has it. */
const alert = {
  id: 17,
  chat: "leaders",
  card: {
    buttons: [
      { label: "已阅", action: "inc:ack:1" },
      { label: "批示", action: "inc:instruct:1" },
    ],
  },
} as unknown as ConsoleMessageDto;

function refusal(run: () => unknown): { status: number; field?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ConsoleRequestError) return { status: error.status, field: error.field };
    throw error;
  }
  throw new Error("not refused");
}

describe("console decode: POST /api/console/messages", () => {
  it("turns the body into a neutral event: chat and sender by name, mentions of the bot and people", () => {
    const said = messageBody.parse(body("message-post.json"));
    const event = decodeConsoleMessage(
      { ...said, sender: said.sender as string, eventId: said.eventId as string },
      directory,
      AT,
    );
    expect(event).toEqual({
      platform: "console",
      eventId: "msg-3f1c2a9e-7d4b-4e2a-9c1f-0b8d6e5a4c21",
      chatId: "qingshan-work",
      senderId: "zhangsan",
      text: "@快报助手 上报 青山镇李家村村道两车相撞，@钱镇长 已到场",
      mentions: ["bot", "qian-zhenzhang"],
      receivedAt: AT,
    });
  });

  it.each([
    ["an unknown chat", { chat: "没有这个群" }, 404, "chat"],
    ["an unknown sender", { sender: "赵六" }, 403, "sender"],
    ["a sender outside the chat", { sender: "李书记" }, 403, "sender"],
  ])("refuses %s, naming the field", (_title, change, status, field) => {
    const said = {
      ...(body("message-post.json") as { chat: string; sender: string; text: string; eventId: string }),
      ...change,
    };
    expect(refusal(() => decodeConsoleMessage(said, directory, AT))).toEqual({ status, field });
  });
});

describe("console decode: POST /api/console/actions", () => {
  const pressed = () => {
    const parsed = actionBody.parse(body("action-post.json"));
    return { ...parsed, sender: parsed.sender as string, eventId: parsed.eventId as string };
  };

  it("turns a press by label into the button's action on that message", () => {
    expect(decodeConsolePress(pressed(), alert, directory, AT)).toEqual({
      platform: "console",
      eventId: "action-8c2e4f60-1a3b-4d5e-9f70-2b4c6d8e0a13",
      chatId: "leaders",
      senderId: "wang-xianzhang",
      text: "",
      mentions: [],
      action: { value: "inc:ack:1", messageId: "17" },
      receivedAt: AT,
    });
  });

  it.each([
    ["a message that is not there", undefined, {}, 404, "messageId"],
    ["a message of another chat", { ...alert, chat: "duty" } as ConsoleMessageDto, {}, 404, "messageId"],
    ["a button the message does not have", alert, { action: "删除" }, 400, "action"],
  ])("refuses %s", (_title, target, change, status, field) => {
    expect(refusal(() => decodeConsolePress({ ...pressed(), ...change }, target, directory, AT))).toEqual({
      status,
      field,
    });
  });
});
