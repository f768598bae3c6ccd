/**
 * The board's `zero-report` panel: today's 零报告, one tile per owing unit. Everyone signed in sees
 * the whole grid (a unit's people too: the roll call is the office's, and seeing the others report
 * is the point); null when the office asks for no zero reports.
 */
import type { DeskPanel } from "../../../bot/core/desk.ts";
import { formatClock } from "../../office/time-format.ts";
import type { DailyRules } from "../daily-rules.ts";
import { dayStanding } from "../day-standing.ts";
import { dailyDeskMessages as M } from "../messages.ts";
import { zeroReportDay } from "../zero-report-day.ts";
import { owesZeroReport } from "../zero-report-rule.ts";
import { unitDayState } from "./unit-day-state.ts";
import { zeroReportTiles } from "./zero-report-tiles.ts";

export const ZERO_REPORT_PANEL = "zero-report";

export function zeroReportPanel(rules: DailyRules): DeskPanel {
  return {
    id: ZERO_REPORT_PANEL,
    order: 20,
    async load({ services, now }) {
      const today = zeroReportDay(rules, now);
      if (!today) return null;
      const title = M.panelTitle(today.cutoffText);
      if (!owesZeroReport(today.rule, today.day))
        return { id: ZERO_REPORT_PANEL, title, blocks: [{ kind: "text", text: M.notToday }] };
      const units = today.rule.units;
      const standing = await dayStanding(services.database, {
        units,
        day: today.day,
        dayStart: today.dayStart,
        until: now,
      });
      const days = units.map((unit) => unitDayState(unit, standing, today.cutoff, now));
      const tiles = zeroReportTiles(days, {
        unitName: (id) => services.directory.unitName(id),
        time: (at) => formatClock(at, rules.timezone),
      });
      return { id: ZERO_REPORT_PANEL, title, blocks: [tiles] };
    },
  };
}
