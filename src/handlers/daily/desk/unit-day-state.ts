/**
 * Where one owing unit stands on the day, as the desk's 零报告 grid shows it, read from the same
 * standing the reminder and the cut-off use (day-standing.ts): a recorded row decides (on time,
 * late, missed); an incident reported that day counts as the report (on time before the cut-off,
 * late after it, as the cut-off and the late-incident listener record it); otherwise the unit is
 * still awaited before the cut-off and missed from it on (whether or not the cut-off job has run
 * yet). Pure.
 */
import type { DayStanding } from "../day-standing.ts";

export type UnitDayState = "on_time" | "late" | "missed" | "pending";

export interface UnitDay {
  unitId: string;
  state: UnitDayState;
  /** When the unit reported (its zero report, or the incident that counted). */
  reportedAt?: Date;
}

export function unitDayState(
  unitId: string,
  standing: Pick<DayStanding, "reports" | "incidents">,
  cutoff: Date,
  now: Date,
): UnitDay {
  const report = standing.reports.get(unitId);
  if (report && report.status !== "missed") {
    const state = report.status === "late" ? "late" : "on_time";
    return report.reportedAt ? { unitId, state, reportedAt: report.reportedAt } : { unitId, state };
  }
  const incident = standing.incidents.get(unitId);
  if (incident) {
    const late = incident.reportedAt.getTime() >= cutoff.getTime();
    return { unitId, state: late ? "late" : "on_time", reportedAt: incident.reportedAt };
  }
  if (report) return { unitId, state: "missed" };
  return { unitId, state: now.getTime() < cutoff.getTime() ? "pending" : "missed" };
}
