/** WeChat text rendering: cards as compact Chinese text, splitting between lines, reply codes read back. */
import { describe, expect, it } from "vitest";
import { renderCard, renderMessage } from "../../../../../src/bot/adapters/wechat/render-text.ts";
import { isBareNumber, parseCodeReply } from "../../../../../src/bot/adapters/wechat/reply-code-text.ts";
import { splitText } from "../../../../../src/bot/adapters/wechat/split-text.ts";
import type { Card } from "../../../../../src/bot/core/message.ts";

const summary: Card = {
  title: "请核对：首报",
  fields: [
    { label: "地点", value: "青山镇李家村村道" },
    { label: "伤亡", value: "死亡 3 人" },
  ],
  buttons: [
    { label: "确认上报", action: "dlg:abc:@confirm:1" },
    { label: "修改", action: "dlg:abc:@confirm:2" },
    { label: "取消", action: "dlg:abc:@confirm:3" },
  ],
  note: "回复「确认」提交。",
};

describe("renderCard", () => {
  it("writes title, one field per line, the note and numbered choices", () => {
    expect(renderCard(summary, undefined)).toBe(
      "请核对：首报\n地点：青山镇李家村村道\n伤亡：死亡 3 人\n回复「确认」提交。\n回复 1 确认上报 / 2 修改 / 3 取消",
    );
  });

  it("drops the `1.` a choice label carries and keeps its answer number", () => {
    const card: Card = {
      title: "事件类型",
      fields: [],
      buttons: [
        { label: "1. 自然灾害", action: "dlg:s:type:1" },
        { label: "2. 事故灾难", action: "dlg:s:type:2" },
      ],
    };
    expect(renderCard(card, undefined)).toBe("事件类型\n回复 1 自然灾害 / 2 事故灾难");
  });

  it("turns other buttons into one reply code per card", () => {
    const card: Card = {
      title: "【较大】事故灾难",
      fields: [{ label: "编号", value: "2026-0042" }],
      buttons: [
        { label: "已阅", action: "inc:ack:42" },
        { label: "批示", action: "instr:start:42" },
      ],
    };
    expect(renderCard(card, "7")).toBe("【较大】事故灾难\n编号：2026-0042\n回复「7 已阅」「7 批示」");
  });

  it("says what to type only where no reply code could be had, and never beside one", () => {
    const card: Card = {
      title: "【较大】事故灾难",
      fields: [{ label: "编号", value: "2026-0042" }],
      buttons: [{ label: "已阅", action: "inc:ack:42" }],
      typedReplies: "可回复「已阅 2026-0042」。",
    };
    expect(renderCard(card, "7")).toBe("【较大】事故灾难\n编号：2026-0042\n回复「7 已阅」");
    expect(renderCard(card, undefined)).toBe("【较大】事故灾难\n编号：2026-0042\n可回复「已阅 2026-0042」。");
    expect(renderCard({ ...card, buttons: [] }, undefined)).toBe("【较大】事故灾难\n编号：2026-0042");
  });
});

describe("renderMessage", () => {
  it("marks urgent messages 【加急】 and puts text before the card", () => {
    const text = renderMessage(
      { chatId: "leaders", text: "请阅", card: summary, urgentTo: ["li-shuji"], idempotencyKey: "k" },
      undefined,
    );
    expect(text.startsWith("【加急】请阅\n请核对：首报")).toBe(true);
  });

  it("leaves plain messages unmarked", () => {
    expect(renderMessage({ chatId: "c", text: "好的", idempotencyKey: "k" }, undefined)).toBe("好的");
  });
});

describe("splitText", () => {
  it("keeps a text that fits as it is", () => {
    expect(splitText("甲\n乙", 10)).toEqual(["甲\n乙"]);
  });

  it("splits between lines, never inside a line that fits", () => {
    const lines = Array.from({ length: 10 }, (_, i) => `第${i}行内容`);
    const parts = splitText(lines.join("\n"), 20);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect([...part].length).toBeLessThanOrEqual(20);
    expect(parts.join("\n")).toBe(lines.join("\n"));
    for (const part of parts) for (const line of part.split("\n")) expect(lines).toContain(line);
  });

  it("cuts a single line longer than a message, losing nothing", () => {
    const line = "字".repeat(45);
    const parts = splitText(`开头\n${line}`, 20);
    expect(parts.join("")).toBe(`开头${line}`);
    for (const part of parts) expect([...part].length).toBeLessThanOrEqual(20);
  });
});

describe("parseCodeReply", () => {
  it("reads `7 已阅`, `7已阅` and full stops", () => {
    expect(parseCodeReply("7 已阅")).toEqual({ code: "7", label: "已阅" });
    expect(parseCodeReply("12已阅。")).toEqual({ code: "12", label: "已阅" });
    expect(parseCodeReply("3 要求续报")).toEqual({ code: "3", label: "要求续报" });
  });

  it("leaves answers that are not codes alone", () => {
    expect(parseCodeReply("3死5伤")).toBeNull();
    expect(parseCodeReply("已阅 2026-0042")).toBeNull();
    expect(parseCodeReply("7")).toBeNull();
    expect(parseCodeReply("钱镇长 13800000042")).toBeNull();
  });

  it("knows a bare number", () => {
    expect(isBareNumber("3")).toBe(true);
    expect(isBareNumber("3 已阅")).toBe(false);
  });
});
