/** The `monthly-notice` document of the desk: the 月度通报 of `month` (2026-11; none: this month). */
import { type DeskDocument, DocumentParamError } from "../../../bot/core/desk.ts";
import { localDay } from "../../office/days.ts";
import { noticeDocumentMessages as D, statisticsMessages as M } from "../messages.ts";
import { monthPeriod } from "../period.ts";
import { monthlyNoticeFile } from "./monthly-notice-file.ts";

export const MONTHLY_NOTICE_DOCUMENT = "monthly-notice";

export function monthlyNoticeDocument(office: { name: string; timezone: string }): DeskDocument {
  return {
    id: MONTHLY_NOTICE_DOCUMENT,
    title: D.documentTitle,
    params: [{ name: "month", label: D.paramMonth, example: "2026-11" }],
    async produce(ctx, params) {
      const today = localDay(ctx.now, office.timezone);
      const given = params.month?.trim();
      const match = given ? /^(\d{4})-(\d{2})$/.exec(given) : null;
      if (given && !match) throw new DocumentParamError("month", D.badMonthParam);
      const [year, month] = match ? [Number(match[1]), Number(match[2])] : [today.year, today.month];
      const parsed = monthPeriod(year, month, today, office.timezone);
      if (!parsed.ok)
        throw new DocumentParamError("month", parsed.reason === "future" ? M.futureMonth : D.badMonthParam);
      return monthlyNoticeFile(ctx, parsed.period, office);
    },
  };
}
