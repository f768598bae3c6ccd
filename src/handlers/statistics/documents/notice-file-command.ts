/**
 * `通报文件 [2026年11月]`: the month's 通报 as a .docx, sent to the asker one-to-one; the month is
 * read as `通报` reads it (none: the month before).
 */
import type { Command } from "../../../bot/core/capability.ts";
import { OFFICE_DOCUMENT_ROLES } from "../../office/desk-viewer.ts";
import { deskContextOf, sendDocument } from "../../office/send-document.ts";
import { noticeDocumentMessages as D, statisticsMessages as M } from "../messages.ts";
import { noticePeriod } from "../notice.ts";
import { monthlyNoticeFile } from "./monthly-notice-file.ts";

export const noticeFileCommand = (office: { name: string; timezone: string }): Command => ({
  names: ["通报文件", "/notice-file"],
  summary: D.commandSummary,
  roles: [...OFFICE_DOCUMENT_ROLES],
  async run(ctx, args) {
    const parsed = noticePeriod(args, ctx.services.clock.now(), office.timezone);
    if (!parsed.ok) return ctx.reply(parsed.reason === "future" ? M.futureMonth : D.badMonth);
    const file = await monthlyNoticeFile(deskContextOf(ctx), parsed.period, office);
    if (!file) return ctx.reply(D.notAllowed);
    await sendDocument(ctx, file, D.caption(parsed.period.label));
  },
});
