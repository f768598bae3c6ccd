/**
 * The frame of the zero-report jobs (reminder, cut-off): the job works for the local day its
 * schedule was due on, does nothing when that day has no zero report or its work was done already
 * (run again by a timer rebuild, or retried after it finished), and records the day as done after.
 */
import type { JobHandler } from "../../bot/core/capability.ts";
import type { JobContext } from "../../bot/core/context.ts";
import { dailyRunHistory, recordDailyRun } from "./daily-job-runs.ts";
import type { DailyRules } from "./daily-rules.ts";
import { scheduledDataSchema } from "./scheduled-data.ts";
import { type ZeroReportDay, zeroReportDay } from "./zero-report-day.ts";

export interface ZeroReportRun {
  today: ZeroReportDay;
  /** When the schedule was due. */
  dueAt: Date;
  now: Date;
}

export function zeroReportJob(
  rules: DailyRules,
  name: string,
  work: (ctx: JobContext, run: ZeroReportRun) => Promise<void>,
): JobHandler<typeof scheduledDataSchema> {
  return {
    name,
    schema: scheduledDataSchema,
    async run(ctx, data) {
      const { database, clock } = ctx.services;
      const dueAt = new Date(data.dueAt);
      const today = zeroReportDay(rules, dueAt);
      if (!today) return;
      if ((await dailyRunHistory(database, name, today.day)).ranThatDay) return;
      const now = clock.now();
      await work(ctx, { today, dueAt, now });
      await recordDailyRun(database, name, today.day, now);
    },
  };
}
