import { describe, expect, it } from "vitest";
import { relayPlan } from "../../../../../src/handlers/instruction/rules/relay-plan.ts";

const unit = { chatId: "qingshan-work", members: ["zhangsan", "qian-zhenzhang", "sun-zhiban"] };
const duty = { chatId: "duty", members: ["sun-zhiban", "zhou-zhiban"] };

describe("relayPlan", () => {
  it("asks the people in the unit's group and copies the duty group", () => {
    expect(relayPlan([unit, duty], ["qian-zhenzhang", "zhangsan"])).toEqual([
      { chatId: "qingshan-work", mentions: ["qian-zhenzhang", "zhangsan"], ask: true },
      { chatId: "duty", mentions: [], ask: false },
    ]);
  });

  it("reaches someone no group holds one-to-one", () => {
    expect(relayPlan([unit, duty], ["zhangsan", "fu-zhenzhang"])).toEqual([
      { chatId: "qingshan-work", mentions: ["zhangsan"], ask: true },
      { chatId: "duty", mentions: [], ask: false },
      { chatId: "dm:fu-zhenzhang", mentions: ["fu-zhenzhang"], ask: true },
    ]);
  });

  it("mentions a person in every listed group they are in", () => {
    expect(relayPlan([unit, duty], ["sun-zhiban"])).toEqual([
      { chatId: "qingshan-work", mentions: ["sun-zhiban"], ask: true },
      { chatId: "duty", mentions: ["sun-zhiban"], ask: true },
    ]);
  });

  it("posts once to a chat listed twice", () => {
    expect(relayPlan([unit, unit], ["zhangsan"])).toEqual([
      { chatId: "qingshan-work", mentions: ["zhangsan"], ask: true },
    ]);
  });

  it("does not add a one-to-one chat that is already a target", () => {
    const direct = { chatId: "dm:zhangsan", members: ["zhangsan"] };
    expect(relayPlan([direct, duty], ["zhangsan"])).toEqual([
      { chatId: "dm:zhangsan", mentions: ["zhangsan"], ask: true },
      { chatId: "duty", mentions: [], ask: false },
    ]);
  });

  it("with nobody to ask, every post is a copy", () => {
    expect(relayPlan([unit, duty], [])).toEqual([
      { chatId: "qingshan-work", mentions: [], ask: false },
      { chatId: "duty", mentions: [], ask: false },
    ]);
  });
});
