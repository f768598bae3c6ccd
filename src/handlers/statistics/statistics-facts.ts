/**
 * Reads the facts the statistics are computed from, for one period: first reports counted per unit
 * and the late ones listed, follow-ups flagged missing, and the daily reports (零报告) counted per
 * unit and status with the late and missed ones listed. The counting is done by the database, so
 * a year of data stays quick.
 */
import type { PrismaClient } from "../../store/generated/client.ts";
import type { Period } from "./period.ts";
import type { StatisticsFacts } from "./unit-statistics.ts";

export async function loadStatisticsFacts(
  prisma: PrismaClient,
  period: Pick<Period, "from" | "to" | "fromDay" | "toDay">,
  unitId?: string,
): Promise<StatisticsFacts> {
  const unit = unitId === undefined ? {} : { unitId };
  const reportedIn = { reportedAt: { gte: period.from, lt: period.to }, ...unit };
  const daysIn = { day: { gte: period.fromDay, lte: period.toDay }, ...unit };
  const [reported, lateIncidents, missed, dailyCounts, dailyExceptions] = await Promise.all([
    prisma.incident.groupBy({ by: ["unitId"], where: reportedIn, _count: { _all: true } }),
    prisma.incident.findMany({
      where: { ...reportedIn, lateByMs: { gt: 0 } },
      select: { unitId: true, number: true, lateByMs: true },
      orderBy: { reportedAt: "asc" },
    }),
    prisma.timelineEntry.findMany({
      where: { kind: "flagged_missed", at: { gte: period.from, lt: period.to }, incident: unit },
      select: { incident: { select: { unitId: true, number: true } } },
      orderBy: { at: "asc" },
    }),
    prisma.dailyReport.groupBy({ by: ["unitId", "status"], where: daysIn, _count: { _all: true } }),
    prisma.dailyReport.findMany({
      where: { ...daysIn, status: { in: ["late", "missed"] } },
      select: { unitId: true, day: true, status: true },
      orderBy: { day: "asc" },
    }),
  ]);
  return {
    reported: reported.map((r) => ({ unitId: r.unitId, count: r._count._all })),
    lateIncidents,
    missedFollowUps: missed.map((m) => m.incident),
    dailyCounts: dailyCounts.map((d) => ({ unitId: d.unitId, status: d.status, count: d._count._all })),
    dailyExceptions,
  };
}
