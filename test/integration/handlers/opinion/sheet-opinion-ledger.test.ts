/**
 * 台账 舆情 on the real app and database with the five items of opinion-queries-fixture.ts, as of
 * 2026-12-09 10:00: one row per item, the 核实 and 回应 clocks marked 按时 (green) or 超时 (red).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHEET_TONES } from "../../../../src/handlers/office/ledger-sheet/sheet-tones.ts";
import { sampleConfig, startTestApp, type TestApp } from "../../../support/app.ts";
import { firstAnswer } from "../../../support/first-answer.ts";
import { askForSheet, directFileCount, fillOf, rowOf, rowTexts } from "../office/sheet-file.ts";
import { NOW, seedOpinions, TEXTS } from "./queries/opinion-queries-fixture.ts";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => NOW } });
  await seedOpinions(t.database.prisma, (await sampleConfig()).policy.opinion);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("台账 舆情", () => {
  it("sends the year's 舆情台账 to the duty officer one-to-one, with the clocks marked", {
    timeout: 30_000,
  }, async () => {
    const got = await askForSheet(t, "dm:sun-zhiban", "sun-zhiban", "台账 舆情");
    expect(got.fileName).toBe("舆情台账-2026年.xlsx");
    // Asked in the one-to-one chat: the file is the answer, with no note about where it went.
    expect(got.answer.files.map((f) => f.name)).toEqual(["舆情台账-2026年.xlsx"]);
    const { sheet } = got;
    expect(sheet.getCell("A1").text).toBe("舆情台账（2026年）");
    expect(rowTexts(sheet, 3)).toEqual([
      "编号",
      "来源",
      "链接",
      "内容摘要",
      "责任单位",
      "级别",
      "发现时间",
      "核实时限",
      "核实时间",
      "核实按时",
      "回应时限",
      "回应时间",
      "回应按时",
      "口径",
      "状态",
    ]);
    expect(sheet.rowCount).toBe(3 + 5 + 2);
    const y1 = rowOf(sheet, "Y2026-0001");
    expect(rowTexts(sheet, y1.number)).toEqual([
      "Y2026-0001",
      "微博",
      "https://weibo.com/1234567890/AbCdEf",
      "微博网友发帖称青山镇李家村垃圾长期无人清运",
      "青山镇",
      "一般",
      "2026-12-07 08:30",
      "2026-12-07 12:30",
      "2026-12-07 11:00",
      "按时",
      "2026-12-09 08:30",
      "2026-12-07 16:00",
      "按时",
      TEXTS.approved1,
      "已回应",
    ]);
    expect(fillOf(y1.getCell(10))).toBe(SHEET_TONES.green.fill);
    const y2 = rowOf(sheet, "Y2026-0002");
    const y2Texts = rowTexts(sheet, y2.number);
    expect([y2Texts[5], y2Texts[9], y2Texts[12], y2Texts[14]]).toEqual(["较大", "超时", "超时", "待报口径"]);
    expect(fillOf(y2.getCell(10))).toBe(SHEET_TONES.red.fill);
    expect(fillOf(y2.getCell(13))).toBe(SHEET_TONES.red.fill);
    expect(fillOf(y2.getCell(15))).toBe(SHEET_TONES.red.fill);
    // Not signed yet, its clocks still running: nothing to mark.
    const y4 = rowTexts(sheet, rowOf(sheet, "Y2026-0004").number);
    expect([y4[9], y4[12], y4[14]]).toEqual(["", "", "待签收"]);
  });

  it("refuses a unit's director and sends nothing", { timeout: 30_000 }, async () => {
    const refused = await firstAnswer(t, "青山镇工作群", "qian-zhenzhang", "@快报助手 台账 舆情");
    expect(refused.text).toContain("统计表和台账只发给县领导、值班员和管理员");
    expect(await directFileCount(t, "qian-zhenzhang")).toBe(0);
  });
});
