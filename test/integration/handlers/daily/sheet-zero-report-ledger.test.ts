/**
 * 台账 零报告 on the real app and database, as of 2026-12-07 09:00 (Monday) in Shanghai, with the
 * sample rule (青山镇, 白水乡, 柳林镇 on workdays, cut-off 17:00):
 * - 青山镇: 12-01 on time 16:00, 12-02 late 18:30, 12-03 recorded missed, 12-04 nothing on file
 *   (the cut-off job never ran) → 漏报; 迟报 1, 漏报 2.
 * - 白水乡: 12-04 an incident reported at 10:00, before the cut-off → 已报 10:00.
 * - 12-05 and 12-06 are a weekend → 休; 12-07 (today, before 17:00) and later are blank.
 */

import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOfficeConfig } from "../../../../src/config/load.ts";
import { SHEET_TONES } from "../../../../src/handlers/office/ledger-sheet/sheet-tones.ts";
import { ROOT, startTestApp, type TestApp } from "../../../support/app.ts";
import { firstAnswer } from "../../../support/first-answer.ts";
import { insertDaily, insertIncident } from "../digest/reporting-fixture.ts";
import { askForSheet, directFileCount, fillOf, rowOf, rowTexts } from "../office/sheet-file.ts";

const NOW = new Date("2026-12-07T01:00:00Z");
const dec = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, hour - 8, minute));
let t: TestApp;

beforeAll(async () => {
  const config = await loadOfficeConfig(join(ROOT, "config/org.yaml"), join(ROOT, "config/policy.yaml"), {
    schedulesFile: join(ROOT, "config/schedules.yaml"),
  });
  // The sample zero-report rule, without its recurring jobs (this test reads, the clock is fixed).
  t = await startTestApp({ config, clock: { now: () => NOW }, recurring: { reconcile: async () => {} } });
  const prisma = t.database.prisma;
  await insertDaily(prisma, [
    { unitId: "qingshan", day: "2026-12-01", status: "on_time", at: dec(1, 16) },
    { unitId: "qingshan", day: "2026-12-02", status: "late", at: dec(2, 18, 30) },
    { unitId: "qingshan", day: "2026-12-03", status: "missed", at: dec(3, 17) },
    { unitId: "baishui", day: "2026-12-01", status: "on_time", at: dec(1, 9, 5) },
  ]);
  await insertIncident(prisma, { number: "2026-0042", unitId: "baishui", reportedAt: dec(4, 10) });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const say = (text: string) => `@快报助手 ${text}`;

describe("台账 零报告", () => {
  it("sends the month's ledger to the asker one-to-one, units down and days across", {
    timeout: 30_000,
  }, async () => {
    const got = await askForSheet(t, "总值班室", "sun-zhiban", say("台账 零报告 2026年12月"));
    expect(got.answer.text).toBe("《零报告台账-2026年12月.xlsx》已单独发给您，请在与快报的单聊中查收。");
    expect(got.fileName).toBe("零报告台账-2026年12月.xlsx");
    expect(got.mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(got.caption).toBe("零报告台账-2026年12月（2026-12-07 09:00 制表）");
    const { sheet } = got;
    expect(sheet.getCell("A1").text).toBe("零报告台账（2026年12月）");
    expect(sheet.getCell("A2").text).toBe("制表单位：县总值班室　　制表时间：2026-12-07 09:00");
    const header = rowTexts(sheet, 3);
    expect(header).toHaveLength(1 + 31 + 2);
    expect(header.slice(0, 3)).toEqual(["单位", "1日\n周二", "2日\n周三"]);
    expect(header.slice(-2)).toEqual(["迟报（次）", "漏报（次）"]);

    const qingshan = rowTexts(sheet, rowOf(sheet, "青山镇").number);
    expect(qingshan.slice(0, 9)).toEqual([
      "青山镇",
      "已报 16:00",
      "迟报 18:30",
      "漏报",
      "漏报",
      "休",
      "休",
      "",
      "",
    ]);
    expect(qingshan.slice(-2)).toEqual(["1", "2"]);
    const baishui = rowTexts(sheet, rowOf(sheet, "白水乡").number);
    expect(baishui.slice(0, 8)).toEqual([
      "白水乡",
      "已报 09:05",
      "漏报",
      "漏报",
      "已报 10:00",
      "休",
      "休",
      "",
    ]);
    expect(baishui.slice(-2)).toEqual(["0", "2"]);
    // 柳林镇 reported nothing: every workday so far is 漏报.
    expect(rowTexts(sheet, rowOf(sheet, "柳林镇").number).slice(-2)).toEqual(["0", "4"]);
    const total = rowTexts(sheet, rowOf(sheet, "合计").number);
    expect(total.slice(-2)).toEqual(["1", "8"]);

    const row = rowOf(sheet, "青山镇");
    expect(fillOf(row.getCell(2))).toBe(SHEET_TONES.green.fill);
    expect(fillOf(row.getCell(3))).toBe(SHEET_TONES.yellow.fill);
    expect(fillOf(row.getCell(4))).toBe(SHEET_TONES.red.fill);
    expect(fillOf(row.getCell(6))).toBe(SHEET_TONES.grey.fill);
    expect(fillOf(row.getCell(8))).toBeUndefined();
  });

  it("takes this month when no month is named, and answers unknown words in Chinese", {
    timeout: 30_000,
  }, async () => {
    const got = await askForSheet(t, "dm:wu-zhuren", "wu-zhuren", "台账 零报告");
    expect(got.fileName).toBe("零报告台账-2026年12月.xlsx");
    const count = await directFileCount(t, "sun-zhiban");
    expect((await firstAnswer(t, "总值班室", "sun-zhiban", "@快报助手 台账 零报告 十二月")).text).toContain(
      "没看懂是哪个月",
    );
    expect((await firstAnswer(t, "总值班室", "sun-zhiban", "@快报助手 台账 零报告 2027年1月")).text).toBe(
      "这个月还没到，没有零报告记录。",
    );
    const usage = (await firstAnswer(t, "总值班室", "sun-zhiban", "@快报助手 台账")).text;
    expect(usage).toContain("「台账 零报告」");
    expect(usage).toContain("「台账 督办」");
    expect(usage).toContain("「台账 舆情」");
    expect((await firstAnswer(t, "总值班室", "sun-zhiban", "@快报助手 台账 值班")).text).toBe(usage);
    expect(await directFileCount(t, "sun-zhiban")).toBe(count);
  });

  it("refuses a unit's reporter and sends them nothing", { timeout: 30_000 }, async () => {
    const answer = await firstAnswer(t, "青山镇工作群", "zhangsan", "@快报助手 台账 零报告");
    expect(answer.text).toContain("统计表和台账只发给县领导、值班员和管理员");
    expect(await directFileCount(t, "zhangsan")).toBe(0);
  });
});
