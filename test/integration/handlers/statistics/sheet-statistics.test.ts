/**
 * 统计表 on the real app and database, against figures worked out by hand for February 2026:
 * - 青山镇: 2026-0001 on time, 2026-0002 late 20 min → 2 起, 按时 1, 迟报 1 (50%), 迟报平均 20 分钟;
 *   零报告 2 days: on time, missed → 50%; 迟报合计 1, 漏报合计 1.
 * - 白水乡: 2026-0003 on time → 100%; 零报告 1 day on time.
 * Total: 3 起, 按时 2 (66.7%); 零报告 3 days, 2 on time (66.7%).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { firstAnswer } from "../../../support/first-answer.ts";
import { insertDaily, insertIncident, MINUTE } from "../digest/reporting-fixture.ts";
import { askForSheet, directFileCount, rowOf } from "../office/sheet-file.ts";

/** 2026-03-04 09:00 in Shanghai. */
const NOW = new Date("2026-03-04T01:00:00Z");
const feb = (day: number, hour = 10) => new Date(Date.UTC(2026, 1, day, hour - 8));
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => NOW } });
  const prisma = t.database.prisma;
  await insertIncident(prisma, { number: "2026-0001", unitId: "qingshan", reportedAt: feb(2) });
  await insertIncident(prisma, {
    number: "2026-0002",
    unitId: "qingshan",
    reportedAt: feb(9),
    lateByMs: 20 * MINUTE,
  });
  await insertIncident(prisma, { number: "2026-0003", unitId: "baishui", reportedAt: feb(3) });
  await insertDaily(prisma, [
    { unitId: "qingshan", day: "2026-02-09", status: "on_time", at: feb(9, 16) },
    { unitId: "qingshan", day: "2026-02-10", status: "missed", at: feb(10, 17) },
    { unitId: "baishui", day: "2026-02-09", status: "on_time", at: feb(9, 15) },
  ]);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("统计表", () => {
  it("sends the period's figures per unit with a totals row, rates as percentages", {
    timeout: 30_000,
  }, async () => {
    const got = await askForSheet(t, "总值班室", "sun-zhiban", "@快报助手 统计表 2026年2月");
    expect(got.fileName).toBe("统计-2026年2月.xlsx");
    const { sheet } = got;
    expect(sheet.getCell("A1").text).toBe("报送统计表（2026年2月）");
    const header = sheet.getRow(3);
    expect([1, 2, 5, 6, 12, 15, 19, 20].map((c) => header.getCell(c).text)).toEqual([
      "单位",
      "首报（起）",
      "首报按时率",
      "迟报平均",
      "零报告按时率",
      "督办交办",
      "按期办结率",
      "舆情（件）",
    ]);
    const qingshan = rowOf(sheet, "青山镇");
    const values = (row: typeof qingshan) => Array.from({ length: 14 }, (_, i) => row.getCell(i + 1).value);
    expect(values(qingshan)).toEqual(["青山镇", 2, 1, 1, 0.5, "20 分钟", 0, 2, 1, 0, 1, 0.5, 1, 1]);
    expect(qingshan.getCell(5).numFmt).toBe("0.0%");
    // Nothing assigned: the rate reads —.
    expect(qingshan.getCell(19).value).toBe("—");
    const total = rowOf(sheet, "合计");
    expect(values(total)).toEqual(["合计", 3, 2, 1, 2 / 3, "20 分钟", 0, 3, 2, 0, 1, 2 / 3, 1, 1]);
    expect(total.getCell(1).font?.bold).toBe(true);
    // Every unit that reports has its row, between the header and the totals.
    expect(total.number - 3 - 1).toBe(5);
  });

  it("answers words it cannot read as 统计 does, and refuses a reporter", { timeout: 30_000 }, async () => {
    expect((await firstAnswer(t, "总值班室", "sun-zhiban", "@快报助手 统计表 昨天")).text).toContain(
      "没看懂要统计哪段时间",
    );
    expect((await firstAnswer(t, "总值班室", "sun-zhiban", "@快报助手 统计表 2026-05")).text).toBe(
      "这段时间还没到，没有可统计的数据。",
    );
    const refused = await firstAnswer(t, "白水乡工作群", "lisi", "@快报助手 统计表");
    expect(refused.text).toContain("统计表和台账只发给县领导、值班员和管理员");
    expect(await directFileCount(t, "lisi")).toBe(0);
  });
});
