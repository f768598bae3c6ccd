/**
 * The 督办 sections of 日报, 统计 and 通报 on the real app, against figures worked out by hand for the
 * tasks of task-queries-fixture.ts (now: 2026-12-07 09:00):
 * - 日报: 今日到期 D2026-0003 (柳林镇, 10:00) and D2026-0002 (青山镇, 18:00); 逾期 D2026-0001 白水乡
 *   (since 12-05 18:00: 1 天 15 小时) and D2026-0007 县应急管理局 (since 12-06 18:00: 15 小时);
 *   待确认办结 D2026-0003 (申请 08:30).
 * - 统计 2026-12 (tasks assigned in December: 0001–0005 and 0007):
 *   县应急管理局 交办 1 (0007), 按期 0, 逾期 1 (open past due), 延期 0 → 0%;
 *   青山镇 交办 2 (0001 closed 12-05 10:00 before 18:00 → 按期; 0002 open), 逾期 0, 延期 0 → 50%;
 *   白水乡 交办 2 (0001 overdue; 0004 extended), 按期 0, 逾期 1, 延期 1 → 0%;
 *   柳林镇 交办 2 (0003 open; 0005 closed after its deadline), 按期 0, 逾期 1 (0005), 延期 0 → 0%.
 * - 统计 2026-11: 青山镇 交办 1 (0006 closed before its deadline) → 100%; nobody overdue.
 * - 通报 2026-12: 县应急管理局 D2026-0007; 白水乡 D2026-0001; 柳林镇 D2026-0005. 通报 2026-11: 无.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { cardField, firstAnswer } from "../../../support/first-answer.ts";
import { NOW, seedTasks } from "./task-queries-fixture.ts";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => NOW } });
  await seedTasks(t.database.prisma);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const ask = (chat: string, person: string, text: string): Promise<ConsoleMessageDto> =>
  firstAnswer(t, chat, person, `@快报助手 ${text}`);

describe("日报's 督办 section", () => {
  it("lists what is due today, what is overdue and what waits for 确认办结", {
    timeout: 30_000,
  }, async () => {
    const answer = await ask("县领导群", "李书记", "日报");
    expect(answer.card?.fields.map((f) => f.label).slice(-6, -3)).toEqual([
      "督办：今日到期（2 项）",
      "督办：逾期（2 项）",
      "督办：待确认办结（1 项）",
    ]);
    expect(cardField(answer, "督办：今日到期（2 项）")?.split("\n")).toEqual([
      "D2026-0003 柳林镇（牵头）10:00 前「核实学校周边交通安全设施情况」",
      "D2026-0002 青山镇（牵头）18:00 前「排查辖区道路积水隐患并报送整改清…」",
    ]);
    expect(cardField(answer, "督办：逾期（2 项）")?.split("\n")).toEqual([
      "D2026-0001 白水乡 逾期 1 天 15 小时（期限 12-05 18:00）「报送防汛物资储备情况」",
      "D2026-0007 县应急管理局 逾期 15 小时（期限 12-06 18:00）「核查危化品企业安全隐患」",
    ]);
    expect(cardField(answer, "督办：待确认办结（1 项）")).toBe(
      "D2026-0003 柳林镇 08:30 申请办结「核实学校周边交通安全设施情况」",
    );
  });
});

describe("统计's 督办 section", () => {
  it("gives each unit's 交办, 按期办结, 逾期, 延期 and on-time rate for the month", {
    timeout: 30_000,
  }, async () => {
    const december = await ask("总值班室", "孙值班", "统计 2026-12");
    expect(cardField(december, "督办")?.split("\n")).toEqual([
      "县应急管理局：交办 1，按期办结 0，逾期 1，延期 0（按期办结率 0%）",
      "青山镇：交办 2，按期办结 1，逾期 0，延期 0（按期办结率 50%）",
      "白水乡：交办 2，按期办结 0，逾期 1，延期 1（按期办结率 0%）",
      "柳林镇：交办 2，按期办结 0，逾期 1，延期 0（按期办结率 0%）",
    ]);
    expect(december.card?.note).toContain("按期办结率 = 按期办结 ÷ 交办");
    const november = await ask("总值班室", "孙值班", "统计 2026-11");
    expect(cardField(november, "督办")).toBe("青山镇：交办 1，按期办结 1，逾期 0，延期 0（按期办结率 100%）");
  });

  it("shows a unit's people their own unit's line only, and 无 when it has none", {
    timeout: 30_000,
  }, async () => {
    const baishui = await ask("白水乡工作群", "李四", "统计 2026-12");
    expect(baishui.card?.fields.map((f) => f.label)).toEqual(["白水乡", "督办", "舆情"]);
    expect(cardField(baishui, "督办")).toBe("白水乡：交办 2，按期办结 0，逾期 1，延期 1（按期办结率 0%）");
    expect(cardField(await ask("卫健委工作群", "褚科员", "统计 2026-12"), "督办")).toBe("无");
  });
});

describe("通报's overdue tasks", () => {
  it("names the overdue tasks by unit, and says 无 for a month without", { timeout: 30_000 }, async () => {
    const december = await ask("县领导群", "李书记", "通报 2026-12");
    expect(cardField(december, "督办逾期")?.split("\n")).toEqual([
      "县应急管理局：1 项（D2026-0007）",
      "白水乡：1 项（D2026-0001）",
      "柳林镇：1 项（D2026-0005）",
    ]);
    expect(cardField(await ask("县领导群", "李书记", "通报 2026-11"), "督办逾期")).toBe("无");
  });
});
