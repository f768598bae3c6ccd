/** The spreadsheet builder read back with exceljs: layout, widths for Chinese, tones, totals. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { mayHaveOfficeDocuments } from "../../../../src/handlers/office/desk-viewer.ts";
import { displayWidth, fitWidth } from "../../../../src/handlers/office/ledger-sheet/column-width.ts";
import { ledgerWorkbook, totalsRow } from "../../../../src/handlers/office/ledger-sheet/ledger-sheet.ts";
import { HEADER_FILL, SHEET_TONES } from "../../../../src/handlers/office/ledger-sheet/sheet-tones.ts";

const NOW = new Date("2026-12-07T01:00:00Z");

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

describe("ledgerWorkbook", () => {
  it("draws the title across, the maker line, a filled header, toned cells and a bold totals row", async () => {
    const rows = [
      ["青山镇", 2, 0.5, { value: "红灯", tone: "red" as const }],
      ["白水乡", 1, null, { value: "绿灯", tone: "green" as const }],
    ];
    const file = await ledgerWorkbook(
      {
        name: "测试",
        title: "测试台账",
        madeBy: "县总值班室",
        madeAt: "2026-12-07 09:00",
        columns: [
          { header: "单位" },
          { header: "件数", format: "count" },
          { header: "按时率", format: "percent" },
          { header: "灯" },
        ],
        rows,
        totals: totalsRow(rows, 4, [1]),
      },
      "测试.xlsx",
      NOW,
    );
    expect(file.fileName).toBe("测试.xlsx");
    const sheet = await readBack(file.bytes);
    expect(sheet.getCell("A1").text).toBe("测试台账");
    expect(sheet.getCell("D1").isMerged).toBe(true);
    expect(sheet.getCell("A2").text).toBe("制表单位：县总值班室　　制表时间：2026-12-07 09:00");
    expect(sheet.getCell("B3").font?.bold).toBe(true);
    expect(sheet.getCell("B3").fill).toMatchObject({ fgColor: { argb: HEADER_FILL } });
    expect(sheet.getCell("C4").value).toBe(0.5);
    expect(sheet.getCell("C4").numFmt).toBe("0.0%");
    expect(sheet.getCell("C5").value).toBe("—");
    expect(sheet.getCell("D4").fill).toMatchObject({ fgColor: { argb: SHEET_TONES.red.fill } });
    expect(sheet.getCell("D5").font?.color?.argb).toBe(SHEET_TONES.green.font);
    expect([sheet.getCell("A6").value, sheet.getCell("B6").value, sheet.getCell("C6").value]).toEqual([
      "合计",
      3,
      "—",
    ]);
    expect(sheet.getCell("A6").font?.bold).toBe(true);
    expect(sheet.getCell("B4").border?.top?.style).toBe("thin");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });
});

describe("column widths", () => {
  it("counts a Han character as two", () => {
    expect(displayWidth("青山镇")).toBe(6);
    expect(displayWidth("D2026-0001")).toBe(10);
    expect(fitWidth(["单位", "县卫生健康委"])).toBe(14);
    expect(fitWidth(["a"])).toBe(6);
    expect(fitWidth(["很".repeat(40)])).toBe(48);
  });
});

describe("mayHaveOfficeDocuments", () => {
  it("lets leaders, the duty office and admins have them, no one else", () => {
    expect(mayHaveOfficeDocuments({ roles: ["leader"] })).toBe(true);
    expect(mayHaveOfficeDocuments({ roles: ["duty"] })).toBe(true);
    expect(mayHaveOfficeDocuments({ roles: ["admin"] })).toBe(true);
    expect(mayHaveOfficeDocuments({ roles: ["director"] })).toBe(false);
    expect(mayHaveOfficeDocuments({ roles: ["reporter"] })).toBe(false);
  });
});
