/** Recorded-shape DingTalk pushes (test/fixtures/dingtalk/) decoded into neutral events and checked button presses. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { signButton } from "../../../../../src/bot/adapters/dingtalk/dingtalk-action.ts";
import {
  decodeCardCallback,
  decodeRobotMessage,
  readCardCallback,
  readRobotMessage,
} from "../../../../../src/bot/adapters/dingtalk/inbound/dingtalk-decode.ts";
import { ROOT } from "../../../../support/app.ts";

const fixture = (name: string) => readFileSync(join(ROOT, "test/fixtures/dingtalk", name), "utf8");
const names = {
  personOf: (userId: string | undefined) =>
    userId && ["zhangsan", "qian-zhenzhang", "wang-xianzhang"].includes(userId) ? userId : undefined,
  groupOf: (conversation: string | undefined) =>
    conversation === "cidQingshanWork==" ? "qingshan-work" : undefined,
};
const limits = { maxInboundChars: 2000 };
const at = new Date("2026-03-02T06:25:00Z");

function read(name: string) {
  const pushed = readRobotMessage(fixture(name));
  if (pushed.kind !== "ok") throw new Error(`fixture ${name} did not read`);
  return pushed.data;
}

describe("a DingTalk robot message", () => {
  it("in a group becomes an event said to the bot, with the people @-mentioned", () => {
    const decoded = decodeRobotMessage(read("robot-group-message.json"), names, limits, at);
    expect(decoded).toEqual({
      kind: "event",
      event: {
        platform: "dingtalk",
        eventId: "msg-msgGroup001",
        chatId: "qingshan-work",
        senderId: "zhangsan",
        senderName: "张三",
        text: "上报 请 @钱镇长 看一下",
        mentions: ["bot", "qian-zhenzhang"],
        receivedAt: at,
      },
    });
  });

  it("one to one goes to the person's direct chat, without a mention of the bot", () => {
    const decoded = decodeRobotMessage(read("robot-direct-message.json"), names, limits, at);
    expect(decoded.kind === "event" && decoded.event).toMatchObject({
      chatId: "dm:zhangsan",
      text: "帮助",
      mentions: [],
    });
  });

  it("from a stranger one to one, or in a group nobody bound, is told apart", () => {
    const direct = { ...read("robot-direct-message.json"), senderStaffId: "nobody" };
    expect(decodeRobotMessage(direct, names, limits, at)).toEqual({ kind: "unknown-person" });
    const group = { ...read("robot-group-message.json"), conversationId: "cidElsewhere==" };
    expect(decodeRobotMessage(group, names, limits, at)).toMatchObject({
      kind: "unbound-group",
      personId: "zhangsan",
      text: "上报 请 @钱镇长 看一下",
    });
  });

  it("that is a picture is not read, and a text too long is refused", () => {
    expect(decodeRobotMessage(read("robot-picture-message.json"), names, limits, at)).toEqual({
      kind: "unsupported",
      messageType: "picture",
    });
    const long = { ...read("robot-direct-message.json"), text: { content: "长".repeat(2001) } };
    expect(decodeRobotMessage(long, names, limits, at)).toEqual({ kind: "too-long" });
  });

  it("without a msgId or conversation is malformed", () => {
    expect(readRobotMessage('{"msgtype":"text"}').kind).toBe("malformed");
    expect(readRobotMessage("not json").kind).toBe("malformed");
  });
});

describe("a DingTalk card callback", () => {
  /** The recorded callback with `value` as the pressed button's param, as DingTalk nests it (a JSON string in JSON). */
  const withValue = (value: string) => {
    const recorded = JSON.parse(fixture("card-callback.json")) as { content: string };
    const content = JSON.parse(recorded.content) as { cardPrivateData: { params: Record<string, string> } };
    content.cardPrivateData.params.value = value;
    return JSON.stringify({ ...recorded, content: JSON.stringify(content) });
  };

  it("with a value we signed is the button's action on its message, by its presser", () => {
    const value = signButton("secret", "ack:2026-0001", "work-7-1");
    const pushed = readCardCallback(withValue(value));
    if (pushed.kind !== "ok") throw new Error("fixture did not read");
    expect(decodeCardCallback(pushed.data, "secret", names)).toEqual({
      kind: "action",
      outTrackId: "kb-0123456789abcdef0123456789abcdef",
      messageKey: "work-7-1",
      action: "ack:2026-0001",
      personId: "wang-xianzhang",
      userId: "wang-xianzhang",
    });
  });

  it("with an altered or foreign value is forged", () => {
    const value = signButton("secret", "ack:2026-0001", "work-7-1").replace("2026-0001", "2026-0002");
    const pushed = readCardCallback(withValue(value));
    if (pushed.kind !== "ok") throw new Error("fixture did not read");
    expect(decodeCardCallback(pushed.data, "secret", names).kind).toBe("forged");
    const other = readCardCallback(withValue(signButton("another-secret", "ack:2026-0001", "work-7-1")));
    if (other.kind !== "ok") throw new Error("fixture did not read");
    expect(decodeCardCallback(other.data, "secret", names).kind).toBe("forged");
  });
});
