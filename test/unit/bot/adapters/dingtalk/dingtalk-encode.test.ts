/** Neutral cards as DingTalk card parameters or markdown, and how DingTalk's answers are classified. */
import { describe, expect, it } from "vitest";
import { failureOfAnswer } from "../../../../../src/bot/adapters/dingtalk/client/dingtalk-errors.ts";
import { verifyButton } from "../../../../../src/bot/adapters/dingtalk/dingtalk-action.ts";
import {
  renderCardMarkdown,
  renderCardParams,
  textWithMentions,
} from "../../../../../src/bot/adapters/dingtalk/outbound/dingtalk-card.ts";
import type { Card } from "../../../../../src/bot/core/message.ts";

const card: Card = {
  title: "【较大】突发事件 2026-0001",
  tone: "orange",
  fields: [
    { label: "地点", value: "青山镇李家村村道" },
    { label: "伤亡", value: "3死5伤 *初报*" },
  ],
  buttons: [
    { label: "已阅", action: "incident:ack:2026-0001", primary: true },
    { label: "批示", action: "incident:instruct:2026-0001" },
  ],
  note: "请尽快阅示",
  typedReplies: "可回复「已阅 2026-0001」",
};

describe("a card on DingTalk", () => {
  it("fills the template's variables, its buttons signed for the message they are sent on", () => {
    const params = renderCardParams(card, { secret: "s", messageKey: "work-1-1", mentionNames: ["吴主任"] });
    expect(params.title).toBe(card.title);
    expect(params.tone).toBe("orange");
    expect(params.markdown).toBe(
      "@吴主任\n\n**地点**：青山镇李家村村道\n\n**伤亡**：3死5伤 \\*初报\\*\n\n请尽快阅示",
    );
    const buttons = JSON.parse(params.buttons as string) as {
      label: string;
      value: string;
      primary: boolean;
    }[];
    expect(buttons.map((b) => [b.label, b.primary])).toEqual([
      ["已阅", true],
      ["批示", false],
    ]);
    expect(verifyButton("s", buttons[0]?.value)).toEqual({
      action: "incident:ack:2026-0001",
      messageKey: "work-1-1",
    });
    expect(verifyButton("other", buttons[0]?.value)).toBeUndefined();
  });

  it("without a template is a markdown message saying what to type", () => {
    const markdown = renderCardMarkdown(card, {});
    expect(markdown.title).toBe(card.title);
    expect(markdown.text.startsWith(`### ${card.title}\n\n**地点**`)).toBe(true);
    expect(markdown.text.endsWith("可回复「已阅 2026-0001」")).toBe(true);
  });

  it("puts mentions in front of a text", () => {
    expect(textWithMentions("请确认", ["钱镇长", "张三"])).toBe("@钱镇长 @张三 请确认");
    expect(textWithMentions("请确认", [])).toBe("请确认");
  });
});

describe("a DingTalk answer", () => {
  const answer = (status: number, data: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers,
    data,
  });

  it("is fine on 200 without an error code", () => {
    expect(failureOfAnswer(answer(200, { processQueryKey: "k" }))).toBeUndefined();
    expect(failureOfAnswer(answer(200, { errcode: 0, result: {} }))).toBeUndefined();
  });

  it("asks for a new token when the token is invalid or expired", () => {
    expect(
      failureOfAnswer(answer(401, { code: "InvalidAuthentication", message: "不合法的access_token" }))?.kind,
    ).toBe("token");
    expect(failureOfAnswer(answer(200, { errcode: 42001, errmsg: "access_token expired" }))?.kind).toBe(
      "token",
    );
  });

  it("is retried on throttling and 5xx, after the wait DingTalk names", () => {
    expect(failureOfAnswer(answer(429, {}, { "retry-after": "2" }))).toMatchObject({
      kind: "retry",
      waitMs: 2000,
    });
    expect(failureOfAnswer(answer(403, { code: "Forbidden.AccessDenied.QpsLimitForApi" }))?.kind).toBe(
      "retry",
    );
    expect(failureOfAnswer(answer(503, "<html>"))?.kind).toBe("retry");
    expect(failureOfAnswer(answer(200, { errcode: 90018, errmsg: "qps" }))?.kind).toBe("retry");
  });

  it("is given up on a bad request (the robot not in the group)", () => {
    expect(
      failureOfAnswer(answer(400, { code: "robot.not.in.group", message: "机器人不在群内" })),
    ).toMatchObject({
      kind: "fatal",
      code: "robot.not.in.group",
    });
  });
});
