import { describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../src/bot/adapters/console/console-message.ts";
import { matchesFragment, matchingText } from "../../../src/transcript/matching.ts";

function message(fields: Partial<ConsoleMessageDto>): ConsoleMessageDto {
  return {
    id: 1,
    chat: "qingshan-work",
    chatName: "青山镇工作群",
    sender: null,
    senderName: "快报助手",
    kind: "text",
    text: "",
    card: null,
    mentions: [],
    urgent: false,
    urgentTo: [],
    files: [],
    time: "2026-03-02T01:00:00.000Z",
    ...fields,
  };
}

describe("matchingText", () => {
  it("is the text, after the mentions written @NAME", () => {
    expect(matchingText(message({ text: "请尽快回复", mentions: ["张三", "钱镇长"] }))).toBe(
      "@张三\n@钱镇长\n请尽快回复",
    );
  });

  it("is a card's title, each field's label and value, the note and the button labels, one per line", () => {
    const text = matchingText(
      message({
        kind: "card",
        text: "ignored for cards",
        card: {
          title: "请核对：登记个人信息",
          fields: [
            { label: "手机号", value: "13800000041" },
            { label: "职务", value: "党政办信息员" },
          ],
          buttons: [
            { label: "确认登记", action: "dlg:x:@confirm:1" },
            { label: "修改", action: "dlg:x:@confirm:2" },
          ],
          note: "回复「确认」提交",
        },
      }),
    );
    expect(text.split("\n")).toEqual([
      "请核对：登记个人信息",
      "手机号",
      "13800000041",
      "职务",
      "党政办信息员",
      "回复「确认」提交",
      "确认登记",
      "修改",
    ]);
    expect(text).not.toContain("dlg:");
    expect(text).not.toContain("ignored");
  });
});

describe("matchesFragment", () => {
  it("matches a substring, ignoring case", () => {
    expect(matchesFragment("回复 OK 确认", "ok")).toBe(true);
    expect(matchesFragment("请输入手机号", "手机号")).toBe(true);
    expect(matchesFragment("请输入手机号", "职务")).toBe(false);
  });

  it("takes /.../ as a regular expression, with flags", () => {
    expect(matchesFragment("（第 2/3 步）", "/第 \\d+\\/3 步/")).toBe(true);
    expect(matchesFragment("（第 x/3 步）", "/第 \\d+\\/3 步/")).toBe(false);
    expect(matchesFragment("HELLO", "/^hello$/i")).toBe(true);
    expect(matchesFragment("HELLO", "/^hello$/")).toBe(false);
    expect(matchesFragment("甲\n乙", "/甲.乙/s")).toBe(true);
  });

  it("takes a fragment that only starts with / as text", () => {
    expect(matchesFragment("发送 /登记 开始", "/登记")).toBe(true);
    expect(matchesFragment("发送 登记 开始", "/登记")).toBe(false);
  });
});
