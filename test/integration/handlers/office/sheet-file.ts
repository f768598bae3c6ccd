/**
 * A spreadsheet asked for in a console chat: what the bot answered where it was asked, and the
 * .xlsx it sent to the asker's one-to-one chat, read back with exceljs.
 */
import ExcelJS from "exceljs";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import { storedFiles } from "../../../../src/bot/adapters/console/console-message.ts";
import type { TestApp } from "../../../support/app.ts";
import { firstAnswer } from "../../../support/first-answer.ts";
import { waitFor } from "../../../support/wait-for.ts";

export interface ReceivedSheet {
  /** The bot's answer in the chat asked in (the one-to-one chat itself when asked there). */
  answer: ConsoleMessageDto;
  /** The one-to-one message carrying the file. */
  caption: string;
  fileName: string;
  mimeType: string;
  sheet: ExcelJS.Worksheet;
}

/** Every message the bot sent to `dm:<person>` with a file, newest last. */
async function directFiles(t: TestApp, person: string) {
  const rows = await t.database.prisma.consoleMessage.findMany({
    where: { chatId: `dm:${person}`, senderId: null },
    orderBy: { id: "asc" },
  });
  return rows.flatMap((row) => storedFiles(row.files).map((file) => ({ row, file })));
}

export async function askForSheet(
  t: TestApp,
  chat: string,
  person: string,
  text: string,
): Promise<ReceivedSheet> {
  const before = (await directFiles(t, person)).length;
  const answer = await firstAnswer(t, chat, person, text);
  const sent = await waitFor(`the file for ${text}`, async () => (await directFiles(t, person))[before]);
  const files = t.app.services.files;
  if (!files) throw new Error("the test app has no file store");
  const workbook = new ExcelJS.Workbook();
  const bytes = await files.get(sent.file.fileKey);
  // exceljs types its input as its own Buffer (an ArrayBuffer); the bytes' own buffer is one.
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("the workbook has no sheet");
  return {
    answer,
    caption: sent.row.text,
    fileName: sent.file.name,
    mimeType: sent.file.mimeType,
    sheet,
  };
}

/** How many files the bot has sent to `dm:<person>`. */
export async function directFileCount(t: TestApp, person: string): Promise<number> {
  return (await directFiles(t, person)).length;
}

/** A row's cell values as text (`—` for a formatted nothing), from the first column. */
export function rowTexts(sheet: ExcelJS.Worksheet, row: number): string[] {
  const values: string[] = [];
  const r = sheet.getRow(row);
  for (let c = 1; c <= sheet.columnCount; c++) values.push(r.getCell(c).text);
  return values;
}

/** The row whose first cell reads `label`. */
export function rowOf(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(1).text === label) return row;
  }
  throw new Error(`no row ${label}`);
}

/** The ARGB fill of a cell, if filled. */
export function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill;
  return fill?.type === "pattern" ? fill.fgColor?.argb : undefined;
}
