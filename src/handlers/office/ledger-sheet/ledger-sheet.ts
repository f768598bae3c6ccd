/**
 * The office's spreadsheets (统计表, 台账) as one kind of sheet, built with exceljs: the title
 * merged across, the 制表单位/制表时间 line, a bold filled header row, thin borders, columns as wide
 * as their Chinese text, the header frozen, A4 landscape fitted to the page's width, light fills for
 * toned cells (红/黄/绿) and a bold totals row. Capabilities describe rows; this draws them.
 */
import type ExcelJS from "exceljs";
import type { DeskTone, DocumentFile } from "../../../bot/core/desk.ts";
import { XLSX_MIME } from "../../../bot/core/desk.ts";
import { fitWidth, MAX_WIDTH } from "./column-width.ts";
import { ledgerSheetMessages as M } from "./messages.ts";
import { HEADER_FILL, SHEET_TONES, TOTALS_FILL } from "./sheet-tones.ts";

/** How a column's numbers are shown: whole counts, or a 0–1 ratio as a percentage (`66.7%`). */
export type SheetFormat = "count" | "percent";

export interface SheetColumn {
  header: string;
  format?: SheetFormat;
  /** Long texts (内容摘要, 最近反馈): the column stops growing and the text wraps. */
  wrap?: boolean;
  /** The narrowest the column may be (a day column of a month: 已报 09:12). */
  minWidth?: number;
}

/** A value with a tone (its cell filled in the tone's light colour). */
export interface ToneCell {
  value: string | number | null;
  tone?: DeskTone;
}

/** A cell: text, a number (formatted as its column says), nothing, or a toned value. */
export type SheetValue = string | number | null | ToneCell;

export interface LedgerSheet {
  /** The worksheet's tab, e.g. 统计. */
  name: string;
  /** The title row, e.g. 报送统计表（2026年11月）. */
  title: string;
  /** 制表单位 and 制表时间 (already written in the office's zone). */
  madeBy: string;
  madeAt: string;
  columns: SheetColumn[];
  rows: SheetValue[][];
  /** The totals row (its first cell is 合计 unless given). */
  totals?: SheetValue[];
  /** A line under the table (how rates are counted, what the colours mean). */
  note?: string;
}

const TITLE_ROW = 1;
const MADE_BY_ROW = 2;
const HEADER_ROW = 3;
const THIN = { style: "thin" } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = M.font;

function toneCell(value: SheetValue): ToneCell {
  return value !== null && typeof value === "object" ? value : { value };
}

function shown(value: SheetValue, format: SheetFormat | undefined): string {
  const v = toneCell(value).value;
  if (v === null) return "";
  if (typeof v === "number" && format === "percent") return `${Math.round(v * 1000) / 10}%`;
  return String(v);
}

function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

function writeRow(
  row: ExcelJS.Row,
  values: readonly SheetValue[],
  columns: readonly SheetColumn[],
  totals: boolean,
): void {
  columns.forEach((column, i) => {
    const { value, tone } = toneCell(values[i] ?? null);
    const cell = row.getCell(i + 1);
    // Nothing to count in a number column reads —, not 0 and not an empty box.
    cell.value = value === null && column.format ? M.none : value;
    if (typeof value === "number" && column.format === "percent") cell.numFmt = "0.0%";
    else if (typeof value === "number") cell.numFmt = "0";
    cell.border = BORDER;
    cell.alignment = {
      vertical: "middle",
      horizontal: i === 0 || column.wrap ? "left" : "center",
      wrapText: column.wrap === true,
    };
    const colour = tone ? SHEET_TONES[tone] : undefined;
    cell.font = { name: FONT, size: 11, bold: totals, ...(colour ? { color: { argb: colour.font } } : {}) };
    if (colour) cell.fill = solid(colour.fill);
    else if (totals) cell.fill = solid(TOTALS_FILL);
  });
}

/** The sheet in a workbook of its own, as `fileName`. */
export async function ledgerWorkbook(sheet: LedgerSheet, fileName: string, now: Date): Promise<DocumentFile> {
  // Loaded on the first sheet, not at start: most processes never make one, and it is heavy.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.created = now;
  workbook.modified = now;
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: "frozen", xSplit: 1, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  const width = sheet.columns.length;

  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, width);
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = sheet.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(TITLE_ROW).height = 30;

  ws.mergeCells(MADE_BY_ROW, 1, MADE_BY_ROW, width);
  const madeBy = ws.getCell(MADE_BY_ROW, 1);
  madeBy.value = M.madeBy(sheet.madeBy, sheet.madeAt);
  madeBy.font = { name: FONT, size: 10 };
  madeBy.alignment = { horizontal: "right", vertical: "middle" };

  const header = ws.getRow(HEADER_ROW);
  sheet.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = solid(HEADER_FILL);
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  header.height = 22;

  for (const values of sheet.rows) writeRow(ws.addRow([]), values, sheet.columns, false);
  if (sheet.totals) {
    writeRow(ws.addRow([]), [sheet.totals[0] ?? M.total, ...sheet.totals.slice(1)], sheet.columns, true);
  }
  if (sheet.note) {
    const at = ws.rowCount + 2;
    ws.mergeCells(at, 1, at, width);
    const note = ws.getCell(at, 1);
    note.value = sheet.note;
    note.font = { name: FONT, size: 10 };
    note.alignment = { horizontal: "left", vertical: "top", wrapText: true };
  }

  const all = [...sheet.rows, ...(sheet.totals ? [sheet.totals] : [])];
  sheet.columns.forEach((column, i) => {
    const texts = [column.header, ...all.map((row) => shown(row[i] ?? null, column.format))];
    ws.getColumn(i + 1).width = fitWidth(texts, column.minWidth, column.wrap ? 40 : MAX_WIDTH);
  });

  const bytes = await workbook.xlsx.writeBuffer();
  return { fileName, mimeType: XLSX_MIME, bytes: new Uint8Array(bytes as ArrayBuffer) };
}

/** A totals row: 合计, then the sum of each column named in `summed` (the others left empty). */
export function totalsRow(
  rows: readonly SheetValue[][],
  width: number,
  summed: readonly number[],
): SheetValue[] {
  return Array.from({ length: width }, (_, i) => {
    if (i === 0) return M.total;
    if (!summed.includes(i)) return null;
    return rows.reduce<number>((sum, row) => {
      const value = toneCell(row[i] ?? null).value;
      return sum + (typeof value === "number" ? value : 0);
    }, 0);
  });
}
