/**
 * The cut-off of one day: which owing units have reported (a zero report, or an incident reported
 * that day before the cut-off), which have not; the missing are recorded as `missed` (漏报) and
 * incidents as on-time reports, in one bulk write. Re-running it for the same day finds the same
 * units and writes nothing new.
 */
import type { PrismaClient } from "../../store/generated/client.ts";
import { incidentsReportedBetween, reportsOfDay } from "./daily-report-store.ts";

export interface CutoffOutcome {
  owed: number;
  /** Owing units with no report by the cut-off, in the order the policy lists them. */
  missing: string[];
}

/** Pure: the owing units without a report and without an incident that day. */
export function unitsMissing(
  owing: readonly string[],
  reported: ReadonlySet<string>,
  withIncident: ReadonlyMap<string, unknown>,
): string[] {
  return owing.filter((unit) => !reported.has(unit) && !withIncident.has(unit));
}

export async function evaluateCutoff(
  prisma: PrismaClient,
  input: { units: readonly string[]; day: string; dayStart: Date; cutoff: Date; now: Date },
): Promise<CutoffOutcome> {
  const { units, day, now } = input;
  const [reports, incidents] = await Promise.all([
    reportsOfDay(prisma, day),
    incidentsReportedBetween(prisma, input.dayStart, input.cutoff),
  ]);
  // A unit already recorded as missed (a retried job) is still missing.
  const reported = new Set(reports.filter((r) => r.status !== "missed").map((r) => r.unitId));
  const owing = new Set(units);
  const byIncident = [...incidents].filter(([unit]) => owing.has(unit) && !reported.has(unit));
  const missing = unitsMissing(units, reported, incidents);
  await prisma.dailyReport.createMany({
    data: [
      ...byIncident.map(([unitId, incident]) => ({
        unitId,
        day,
        status: "on_time",
        kind: "incident",
        incidentId: incident.id,
        reportedAt: incident.reportedAt,
        recordedAt: now,
      })),
      ...missing.map((unitId) => ({ unitId, day, status: "missed", recordedAt: now })),
    ],
    skipDuplicates: true,
  });
  return { owed: units.length, missing };
}
