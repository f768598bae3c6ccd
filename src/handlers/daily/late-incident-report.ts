/**
 * An incident a unit reports after the zero-report cut-off is that unit's daily report of the day,
 * late: a 漏报 already recorded becomes 迟报, and when the cut-off job has not run yet the 迟报 is
 * recorded at once (the cut-off then finds the unit reported). Before the cut-off nothing is written
 * here: the cut-off counts the day's incidents itself. Writing twice changes nothing.
 */
import type { BotServices } from "../../bot/core/services.ts";
import { recordDailyReport } from "./daily-report-store.ts";
import type { DailyRules } from "./daily-rules.ts";
import { zeroReportDay } from "./zero-report-day.ts";
import { owesZeroReport } from "./zero-report-rule.ts";

export async function recordLateIncidentReport(
  services: Pick<BotServices, "database">,
  rules: Pick<DailyRules, "timezone" | "zeroReport">,
  incident: { id: number; unitId: string; reportedAt: Date },
): Promise<void> {
  const today = zeroReportDay(rules, incident.reportedAt);
  if (!today?.rule.units.includes(incident.unitId) || !owesZeroReport(today.rule, today.day)) return;
  if (incident.reportedAt.getTime() < today.cutoff.getTime()) return;
  await recordDailyReport(services.database, {
    unitId: incident.unitId,
    day: today.day,
    kind: "incident",
    reporterId: null,
    incidentId: incident.id,
    at: incident.reportedAt,
    late: true,
  });
}
