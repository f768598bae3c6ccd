/**
 * The cut-off of one day: which owing units have reported (a zero report, or an incident reported
 * that day before the cut-off), which have not; the missing are recorded as `missed` (漏报) and
 * incidents as on-time reports, in bulk writes of bounded size. Re-running it for the same day finds the same
 * units and writes nothing new.
 */
import type { PrismaClient } from "../../store/generated/client.ts";
import { rowBatches } from "../../store/row-batches.ts";
import { dayStanding } from "./day-standing.ts";

export interface CutoffOutcome {
  owed: number;
  /** Owing units with no report by the cut-off, in the order the policy lists them. */
  missing: string[];
}

export async function evaluateCutoff(
  prisma: PrismaClient,
  input: { units: readonly string[]; day: string; dayStart: Date; cutoff: Date; now: Date },
): Promise<CutoffOutcome> {
  const { units, day, now } = input;
  // A unit already recorded as missed (a retried job) is still missing.
  const { reported, incidents, missing } = await dayStanding(prisma, { ...input, until: input.cutoff });
  const owing = new Set(units);
  const byIncident = [...incidents].filter(([unit]) => owing.has(unit) && !reported.has(unit));
  const rows = [
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
  ];
  // In batches (a county of 10,000 units writes thousands); skipDuplicates makes a re-run after a
  // crash between batches write only what is not yet there.
  for (const batch of rowBatches(rows))
    await prisma.dailyReport.createMany({ data: batch, skipDuplicates: true });
  return { owed: units.length, missing };
}
