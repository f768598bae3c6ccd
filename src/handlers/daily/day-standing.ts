/**
 * Where the units owing a zero report stand on a day, up to some instant: the reminder before the
 * cut-off and the cut-off itself read the day's reports and incidents the same way, and agree on
 * which units are still missing.
 */
import type { PrismaClient } from "../../store/generated/client.ts";
import { type DailyReportRow, incidentsReportedBetween, reportsOfDay } from "./daily-report-store.ts";

export interface DayStanding {
  /** Each unit's row of the day as recorded (on time, late or missed). */
  reports: ReadonlyMap<string, DailyReportRow>;
  /** Units with a zero report on record (on time or late; a recorded 漏报 is not a report). */
  reported: ReadonlySet<string>;
  /** Units already recorded as 漏报 (the cut-off has run, perhaps as a retried job). */
  recordedMissed: ReadonlySet<string>;
  /** Units that reported an incident in the window, with the first such incident of each. */
  incidents: ReadonlyMap<string, { id: number; reportedAt: Date }>;
  /** Owing units with neither a report nor an incident, in the order the policy lists them. */
  missing: string[];
}

export async function dayStanding(
  prisma: PrismaClient,
  input: { units: readonly string[]; day: string; dayStart: Date; until: Date },
): Promise<DayStanding> {
  const [reports, incidents] = await Promise.all([
    reportsOfDay(prisma, input.day),
    incidentsReportedBetween(prisma, input.dayStart, input.until),
  ]);
  const reported = new Set<string>();
  const recordedMissed = new Set<string>();
  for (const report of reports) (report.status === "missed" ? recordedMissed : reported).add(report.unitId);
  const byUnit = new Map(reports.map((report) => [report.unitId, report]));
  const missing = input.units.filter((unit) => !reported.has(unit) && !incidents.has(unit));
  return { reports: byUnit, reported, recordedMissed, incidents, missing };
}
