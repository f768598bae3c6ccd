/** The daily reports (零报告) of some units over a span of local days, for the month's 台账. */
import type { PrismaClient } from "../../../store/generated/client.ts";

export interface MonthReport {
  unitId: string;
  day: string;
  status: string;
  reportedAt: Date | null;
}

export function reportsBetween(
  prisma: PrismaClient,
  units: readonly string[],
  fromDay: string,
  toDay: string,
): Promise<MonthReport[]> {
  return prisma.dailyReport.findMany({
    where: { unitId: { in: [...units] }, day: { gte: fromDay, lte: toDay } },
    select: { unitId: true, day: true, status: true, reportedAt: true },
  });
}
