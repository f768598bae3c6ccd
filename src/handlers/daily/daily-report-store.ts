/**
 * Daily reports (`daily_report` rows): one per unit and local day, `on_time`, `late` or `missed`,
 * of kind `zero` (零报告/无) or `incident` (an incident reported that day counts).
 */
import type { PrismaClient } from "../../store/generated/client.ts";

export interface DailyReportRow {
  unitId: string;
  status: string;
  kind: string | null;
  reporterId: string | null;
  reportedAt: Date | null;
}

export function reportOf(prisma: PrismaClient, unitId: string, day: string): Promise<DailyReportRow | null> {
  return prisma.dailyReport.findUnique({ where: { unitId_day: { unitId, day } } });
}

export async function reportsOfDay(prisma: PrismaClient, day: string): Promise<DailyReportRow[]> {
  return prisma.dailyReport.findMany({
    where: { day },
    select: { unitId: true, status: true, kind: true, reporterId: true, reportedAt: true },
  });
}

/** Units whose incidents were reported in [from, to), with the first such incident of each. */
export async function incidentsReportedBetween(
  prisma: PrismaClient,
  from: Date,
  to: Date,
): Promise<Map<string, { id: number; reportedAt: Date }>> {
  const rows = await prisma.incident.findMany({
    where: { reportedAt: { gte: from, lt: to } },
    select: { id: true, unitId: true, reportedAt: true },
    orderBy: { reportedAt: "asc" },
  });
  const first = new Map<string, { id: number; reportedAt: Date }>();
  for (const row of rows) if (!first.has(row.unitId)) first.set(row.unitId, row);
  return first;
}

/**
 * Records a unit's daily report: a zero report, or an incident reported after the cut-off. A unit
 * already `missed` that day becomes `late`; a unit already on time or late is left as it is
 * (returns the existing row and `created: false`).
 */
export async function recordDailyReport(
  prisma: PrismaClient,
  input: {
    unitId: string;
    day: string;
    kind: "zero" | "incident";
    /** Who sent the zero report; null for an incident (shown as 事件上报). */
    reporterId: string | null;
    incidentId?: number;
    at: Date;
    late: boolean;
  },
): Promise<{ row: DailyReportRow; created: boolean }> {
  const { unitId, day, kind, reporterId, at } = input;
  const data = { kind, reporterId, incidentId: input.incidentId ?? null, reportedAt: at, recordedAt: at };
  const missed = await prisma.dailyReport.updateMany({
    where: { unitId, day, status: "missed" },
    data: { ...data, status: "late" },
  });
  if (missed.count > 0)
    return { row: { unitId, status: "late", kind, reporterId, reportedAt: at }, created: true };
  const created = await prisma.dailyReport.createMany({
    data: [{ unitId, day, status: input.late ? "late" : "on_time", ...data }],
    skipDuplicates: true,
  });
  const row = await reportOf(prisma, unitId, day);
  if (!row) throw new Error(`daily report of ${unitId} on ${day} vanished`);
  return { row, created: created.count > 0 };
}
