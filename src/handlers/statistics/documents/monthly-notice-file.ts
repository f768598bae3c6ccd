/**
 * The 月度通报 of a month as a .docx in 公文 form (版头 情况通报, 第N期 the month's number), for
 * leaders, the duty office and admins; null for anyone else.
 */
import type { DeskContext, DocumentFile } from "../../../bot/core/desk.ts";
import { DOCX_MIME } from "../../../bot/core/desk.ts";
import { mayHaveOfficeDocuments } from "../../office/desk-viewer.ts";
import { officialDate, officialDocx } from "../../office/official-document/official-document.ts";
import { noticeDocumentMessages as D } from "../messages.ts";
import { loadMonthlyNotice } from "../notice.ts";
import type { Period } from "../period.ts";
import { noticeDocumentContent } from "./notice-document-content.ts";

export async function monthlyNoticeFile(
  ctx: DeskContext,
  period: Period,
  office: { name: string; timezone: string },
): Promise<DocumentFile | null> {
  if (!mayHaveOfficeDocuments(ctx.viewer)) return null;
  const content = noticeDocumentContent(await loadMonthlyNotice(ctx.services, period));
  const month = period.fromDay.slice(0, 7);
  const bytes = await officialDocx({
    officeName: office.name,
    kind: D.kind,
    issue: Number(month.slice(5)),
    date: officialDate(ctx.now, office.timezone),
    title: content.title,
    blocks: content.blocks,
  });
  return { fileName: D.fileName(month), mimeType: DOCX_MIME, bytes };
}
