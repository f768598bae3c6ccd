/**
 * A policy without incident rules (no grades, escalation, types): the commands that need them stay
 * in 帮助 and answer that reporting is not configured (批示 and 日报 included); the app starts without them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import { incidentMessages } from "../../../../src/handlers/incident/messages.ts";
import { instructionMessages } from "../../../../src/handlers/instruction/messages.ts";
import { sampleConfig, startTestApp, type TestApp } from "../../../support/app.ts";
import { firstAnswer } from "../../../support/first-answer.ts";

let t: TestApp;

beforeAll(async () => {
  const config = await sampleConfig();
  const { grades: _g, escalation: _e, types: _t, ...withoutRules } = config.policy;
  t = await startTestApp({ config: { ...config, policy: withoutRules } });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** Said to the bot: in a group it hears only what @-mentions it. */
const ask = (chat: string, person: string, text: string): Promise<ConsoleMessageDto> =>
  firstAnswer(t, chat, person, `@快报助手 ${text}`);

describe("a policy without incident rules", () => {
  it.each([
    ["青山镇工作群", "张三", "上报"],
    ["青山镇工作群", "张三", "续报 2026-0001 已处置"],
    ["青山镇工作群", "张三", "终报"],
    ["青山镇工作群", "张三", "查询 2026-0001"],
    ["总值班室", "孙值班", "进行中"],
    ["青山镇工作群", "张三", "我的上报"],
    ["总值班室", "孙值班", "日报"],
  ])("in %s, %s's 「%s」 is answered: reporting is not configured", async (chat, person, text) => {
    const answer = await ask(chat, person, text);
    expect(answer.text).toBe(incidentMessages.notConfigured);
  });

  it("answers a leader's 批示 that instructions need the incident rules", async () => {
    const answer = await ask("县领导群", "李书记", "批示 2026-0001 请立即处置");
    expect(answer.text).toBe(instructionMessages.notConfigured);
  });

  it("still lists those commands in 帮助", async () => {
    const answer = await ask("总值班室", "孙值班", "帮助");
    const labels = answer.card?.fields.map((f) => f.label) ?? [];
    expect(labels).toEqual(
      expect.arrayContaining(["上报", "续报", "终报", "查询", "进行中", "我的上报", "批示", "日报"]),
    );
  });
});
