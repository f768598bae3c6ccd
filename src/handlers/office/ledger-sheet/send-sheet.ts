/**
 * A spreadsheet asked for in chat (`统计表 本月`, `台账 督办`): refused in Chinese to someone who
 * may not have it, its words read as the desk reads its params (a param it cannot read answered
 * with the reason), and the file sent to the asker one-to-one.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { type DeskDocument, DocumentParamError } from "../../../bot/core/desk.ts";
import { mayHaveOfficeDocuments } from "../desk-viewer.ts";
import { deskContextOf, sendDocument } from "../send-document.ts";
import { formatLocalTime } from "../time-format.ts";
import { ledgerSheetMessages as M } from "./messages.ts";

export async function sendSheet(
  ctx: ConversationContext,
  document: DeskDocument,
  params: Record<string, string>,
  timezone: string,
): Promise<void> {
  if (!mayHaveOfficeDocuments(ctx.person)) return ctx.reply(M.notAllowed);
  const desk = deskContextOf(ctx);
  let file: Awaited<ReturnType<DeskDocument["produce"]>>;
  try {
    file = await document.produce(desk, params);
  } catch (error) {
    if (error instanceof DocumentParamError) return ctx.reply(error.message);
    throw error;
  }
  if (!file) return ctx.reply(M.notAllowed);
  const stem = file.fileName.replace(/\.xlsx$/, "");
  await sendDocument(ctx, file, M.caption(stem, formatLocalTime(desk.now, timezone)));
}

/** 制表单位 (the viewer's unit) and 制表时间 (now, in the office's zone). */
export function sheetMaker(
  desk: { services: { directory: { unitName(id: string): string } }; viewer: { unit: string }; now: Date },
  timezone: string,
): { madeBy: string; madeAt: string } {
  return {
    madeBy: desk.services.directory.unitName(desk.viewer.unit),
    madeAt: formatLocalTime(desk.now, timezone),
  };
}
