import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ConversationContext } from "../../../../../src/bot/core/context.ts";
import { interpret } from "../../../../../src/bot/core/dialog/answer.ts";
import { plainIssue } from "../../../../../src/bot/core/dialog/plain-issue.ts";

// The app reads its config files with zod's Chinese wording (src/config/load.ts): people must not see it.
z.config(z.locales.zhCN());

const messageOf = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value, { error: plainIssue }).error?.issues[0]?.message;

describe("a validator's rule without a message of its own", () => {
  it.each([
    ["a text too long", z.string().max(5), "一二三四五六", "太长了，请不超过 5 个字。"],
    ["a text too short", z.string().min(4), "一二", "太短了，请至少写 4 个字。"],
    ["a number too large", z.number().max(10), 11, "数字太大，最多 10。"],
    ["a number too small", z.number().min(1), 0, "数字太小，至少 1。"],
    ["a wrong kind of value", z.number().int(), 1.5, "格式不对。"],
  ])("%s reads as our own Chinese", (_case, schema, value, expected) => {
    const message = messageOf(schema, value);
    expect(message).toBe(expected);
    expect(message).not.toMatch(/期望|数值过大|string|number/);
  });

  it("keeps a message written on the schema", () => {
    expect(messageOf(z.string().max(3, "请简要说明"), "一二三四")).toBe("请简要说明");
  });

  it("is what a dialog step answers with, not the validator's wording", () => {
    const step = {
      id: "summary",
      field: "summary",
      label: "基本情况",
      prompt: "基本情况？",
      schema: z.string().trim().max(5),
    };
    const reading = interpret(step, "一二三四五六七", {}, {} as ConversationContext);
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.reason).toBe("太长了，请不超过 5 个字。");
      expect(reading.message).not.toContain("期望");
    }
  });
});
