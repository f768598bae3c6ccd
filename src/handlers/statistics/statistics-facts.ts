/**
 * Reads the facts the statistics are computed from, for one period: incidents first reported in
 * it, follow-ups flagged missing in it, and the daily reports (零报告) for its days. Only the
 * columns the computation needs are read, so a year of data stays quick.
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
  const [incidents, missed, daily] = await Promise.all([
    prisma.incident.findMany({
      where: { reportedAt: { gte: period.from, lt: period.to }, ...unit },
      select: { unitId: true, number: true, lateByMs: true },
      orderBy: { reportedAt: "asc" },
    }),
    prisma.timelineEntry.findMany({
      where: { kind: "flagged_missed", at: { gte: period.from, lt: period.to }, incident: unit },
      select: { incident: { select: { unitId: true, number: true } } },
      orderBy: { at: "asc" },
    }),
    prisma.dailyReport.findMany({
      where: { day: { gte: period.fromDay, lte: period.toDay }, ...unit },
      select: { unitId: true, day: true, status: true },
      orderBy: { day: "asc" },
    }),
  ]);
  return {
    incidents,
    missedFollowUps: missed.map((m) => m.incident),
    daily,
  };
}
