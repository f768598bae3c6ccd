/**
 * Which days the zero-report reminder and cut-off have run for (`daily_job_run`). The jobs record
 * each day once they are done, so a timer rebuild after Redis lost its data can tell today's
 * occurrence that never ran from one that did.
 */
import type { PrismaClient } from "../../store/generated/client.ts";

export async function recordDailyRun(
  prisma: PrismaClient,
  job: string,
  day: string,
  at: Date,
): Promise<void> {
  await prisma.dailyJobRun.createMany({ data: [{ job, day, ranAt: at }], skipDuplicates: true });
}

/** Whether `job` ran for `day`, and whether it ran for any earlier day (the bot kept it before). */
export async function dailyRunHistory(
  prisma: PrismaClient,
  job: string,
  day: string,
): Promise<{ ranThatDay: boolean; ranBefore: boolean }> {
  const [that, before] = await Promise.all([
    prisma.dailyJobRun.findUnique({ where: { job_day: { job, day } } }),
    prisma.dailyJobRun.findFirst({ where: { job, day: { lt: day } }, select: { day: true } }),
  ]);
  return { ranThatDay: that !== null, ranBefore: before !== null };
}
