/**
 * 台账 督办 on the real app and database with the seven tasks of task-queries-fixture.ts, as of
 * 2026-12-07 09:00: one row per unit's part, in the order the tasks were assigned, with lights.
 */
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHEET_TONES } from "../../../../src/handlers/office/ledger-sheet/sheet-tones.ts";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { firstAnswer } from "../../../support/first-answer.ts";
import { askForSheet, directFileCount, fillOf, rowTexts } from "../office/sheet-file.ts";
import { CONTENT, NOW, seedTasks } from "./task-queries-fixture.ts";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => NOW } });
  await seedTasks(t.database.prisma);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** The row of a task's unit part: its number and 责任单位. */
function partRow(sheet: ExcelJS.Worksheet, number: string, unit: string): ExcelJS.Row {
  for (let r = 4; r <= sheet.rowCount; r++) {
    const texts = rowTexts(sheet, r);
    if (texts[0] === number && texts[4] === unit) return sheet.getRow(r);
  }
  throw new Error(`no row ${number} ${unit}`);
}

describe("台账 督办", () => {
  it("sends the year's 督办台账 to a leader one-to-one, a row per unit with its light", {
    timeout: 30_000,
  }, async () => {
    const got = await askForSheet(t, "leaders", "li-shuji", "@快报助手 台账 督办");
    expect(got.fileName).toBe("督办台账-2026年.xlsx");
    expect(got.answer.text).toContain("《督办台账-2026年.xlsx》已单独发给您");
    const { sheet } = got;
    expect(sheet.getCell("A1").text).toBe("督办台账（2026年）");
    expect(sheet.getCell("A2").text).toBe("制表单位：县委县政府办公室　　制表时间：2026-12-07 09:00");
    expect(rowTexts(sheet, 3)).toEqual([
      "编号",
      "交办事项",
      "交办人",
      "交办时间",
      "责任单位",
      "期限",
      "状态",
      "灯",
      "签收时间",
      "办结时间",
      "延期次数",
      "最近反馈",
    ]);
    // 8 parts: D2026-0001 has two units, the other six one each.
    expect(sheet.rowCount).toBe(3 + 8 + 2);
    expect(rowTexts(sheet, partRow(sheet, "D2026-0001", "青山镇（牵头）").number).slice(0, 11)).toEqual([
      "D2026-0001",
      CONTENT.flood,
      "李书记",
      "2026-12-04 09:00",
      "青山镇（牵头）",
      "2026-12-05 18:00",
      "已办结",
      "",
      "2026-12-04 10:00",
      "2026-12-05 10:00",
      "0",
    ]);
    const overdue = partRow(sheet, "D2026-0001", "白水乡（配合）");
    expect(rowTexts(sheet, overdue.number).slice(6, 10)).toEqual(["逾期", "红灯", "", ""]);
    expect(fillOf(overdue.getCell(8))).toBe(SHEET_TONES.red.fill);
    const soon = partRow(sheet, "D2026-0003", "柳林镇（牵头）");
    expect(rowTexts(sheet, soon.number).slice(6, 8)).toEqual(["待确认办结", "黄灯"]);
    expect(fillOf(soon.getCell(8))).toBe(SHEET_TONES.yellow.fill);
    const extended = partRow(sheet, "D2026-0004", "白水乡（牵头）");
    expect(rowTexts(sheet, extended.number)[10]).toBe("1");
    expect(fillOf(partRow(sheet, "D2026-0002", "青山镇（牵头）").getCell(8))).toBe(SHEET_TONES.green.fill);
    // The header stays in view and the page prints A4 landscape, one page wide.
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
  });

  it("refuses a unit's reporter, and answers extra words with how to ask", { timeout: 30_000 }, async () => {
    const refused = await firstAnswer(t, "青山镇工作群", "zhangsan", "@快报助手 台账 督办");
    expect(refused.text).toContain("统计表和台账只发给县领导、值班员和管理员");
    expect(await directFileCount(t, "zhangsan")).toBe(0);
    expect((await firstAnswer(t, "总值班室", "sun-zhiban", "@快报助手 台账 督办 逾期")).text).toContain(
      "请写「台账 督办」",
    );
  });
});
