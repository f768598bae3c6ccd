/**
 * The `zero-report-ledger` document: a month's 零报告台账 — the units that owe a report down, the
 * days of the month across, each cell 已报 (time) / 迟报 / 漏报 / 休 / blank, in its colour, and each
 * unit's count of 迟报 and 漏报 at the end. Each day that has begun is read as the cut-off reads it
 * (dayStanding), so a day whose cut-off job has not run yet already shows who is missing.
 * The month is read with the words 统计 accepts (本月, 上月, 2026-12, 2026年12月).
 */
import { type DeskDocument, DocumentParamError } from "../../../bot/core/desk.ts";
import { addCivilDays, localDayString } from "../../../bot/core/wall-clock.ts";
import { daysBetween, instantOnDay } from "../../office/days.ts";
import { mayHaveOfficeDocuments } from "../../office/desk-viewer.ts";
import {
  ledgerWorkbook,
  type SheetColumn,
  type SheetValue,
  totalsRow,
} from "../../office/ledger-sheet/ledger-sheet.ts";
import { sheetMaker } from "../../office/ledger-sheet/send-sheet.ts";
import { formatClock } from "../../office/time-format.ts";
import { parsePeriod } from "../../statistics/period.ts";
import type { DailyRules } from "../daily-rules.ts";
import { type DayStanding, dayStanding } from "../day-standing.ts";
import { ledgerSheetMessages as M } from "../messages.ts";
import { owesZeroReport } from "../zero-report-rule.ts";
import { LEDGER_TONES, type LedgerCell, ledgerCell } from "./ledger-cell.ts";
import { type MonthReport, reportsBetween } from "./month-reports.ts";

export const ZERO_REPORT_LEDGER_ID = "zero-report-ledger";

/** The month the words name: its label and days; throws DocumentParamError for words it cannot read. */
export function ledgerMonth(words: string, now: Date, timezone: string): { label: string; days: string[] } {
  const parsed = parsePeriod(words, now, timezone);
  if (!parsed.ok)
    throw new DocumentParamError("month", parsed.reason === "future" ? M.futureMonth : M.badMonth);
  if (parsed.period.kind !== "month") throw new DocumentParamError("month", M.badMonth);
  const [year = 0, month = 0] = parsed.period.fromDay.split("-").map(Number);
  const last = addCivilDays({ year, month: month + 1, day: 1 }, -1);
  return { label: parsed.period.label, days: daysBetween({ year, month, day: 1 }, last) };
}

function cellValue(cell: LedgerCell, timezone: string): SheetValue {
  const time = cell.at ? formatClock(cell.at, timezone) : undefined;
  const text = {
    on_time: time ? M.onTime(time) : M.onTimeUnknown,
    late: time ? M.late(time) : M.lateUnknown,
    missed: M.missed,
    rest: M.rest,
    open: null,
  }[cell.kind];
  const tone = LEDGER_TONES[cell.kind];
  return tone ? { value: text, tone } : text;
}

export function zeroReportLedger(rules: DailyRules): DeskDocument {
  const { timezone } = rules;
  return {
    id: ZERO_REPORT_LEDGER_ID,
    title: M.documentTitle,
    params: [{ name: "month", label: M.monthLabel, example: "2026-12" }],
    async produce(ctx, params) {
      const rule = rules.zeroReport;
      if (!mayHaveOfficeDocuments(ctx.viewer) || !rule) return null;
      const month = ledgerMonth(params.month ?? "", ctx.now, timezone);
      const today = localDayString(ctx.now, timezone);
      const prisma = ctx.services.database;
      const first = month.days[0] ?? today;
      const last = month.days.at(-1) ?? today;
      const begun = month.days.filter((day) => day <= today);
      const [reports, standings] = await Promise.all([
        reportsBetween(prisma, rule.units, first, last),
        Promise.all(
          begun.map(async (day): Promise<[string, { standing: DayStanding; cutoffPassed: boolean }]> => {
            const cutoff = instantOnDay(day, rule.cutoff, timezone);
            const until = new Date(Math.min(cutoff.getTime(), ctx.now.getTime()));
            const dayStart = instantOnDay(day, { hour: 0, minute: 0 }, timezone);
            const standing = await dayStanding(prisma, { units: rule.units, day, dayStart, until });
            return [day, { standing, cutoffPassed: ctx.now.getTime() >= cutoff.getTime() }];
          }),
        ),
      ]);
      const byDay = new Map(standings);
      const recorded = new Map<string, MonthReport>(reports.map((r) => [`${r.unitId}|${r.day}`, r]));
      const rows = rule.units.map((unitId): SheetValue[] => {
        const cells = month.days.map((day) => {
          const on = byDay.get(day);
          const report = recorded.get(`${unitId}|${day}`);
          const incidentAt = on?.standing.incidents.get(unitId)?.reportedAt;
          return ledgerCell({
            ahead: on === undefined,
            owed: owesZeroReport(rule, day),
            ...(report ? { report } : {}),
            ...(incidentAt ? { incidentAt } : {}),
            cutoffPassed: on?.cutoffPassed ?? false,
          });
        });
        const count = (kind: LedgerCell["kind"]) => cells.filter((c) => c.kind === kind).length;
        return [
          ctx.services.directory.unitName(unitId),
          ...cells.map((c) => cellValue(c, timezone)),
          count("late"),
          count("missed"),
        ];
      });
      const columns: SheetColumn[] = [
        { header: M.unit },
        ...month.days.map((day) => ({
          header: M.dayHeader(Number(day.slice(8)), new Date(`${day}T00:00:00Z`).getUTCDay()),
          minWidth: 5,
        })),
        { header: M.lateCount, format: "count" },
        { header: M.missedCount, format: "count" },
      ];
      const width = columns.length;
      return ledgerWorkbook(
        {
          name: M.sheetName,
          title: M.title(month.label),
          ...sheetMaker(ctx, timezone),
          columns,
          rows,
          totals: totalsRow(rows, width, [width - 2, width - 1]),
          note: M.note,
        },
        M.fileName(month.label),
        ctx.now,
      );
    },
  };
}
