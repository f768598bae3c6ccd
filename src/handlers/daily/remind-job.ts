/** Before the cut-off (job `zero-report-remind`): units that have not reported yet are reminded, their reporters mentioned. */
import type { JobHandler } from "../../bot/core/capability.ts";
import { dailyRunHistory, recordDailyRun } from "./daily-job-runs.ts";
import { dayStanding } from "./day-standing.ts";
import { dailyReportMessages as M } from "./messages.ts";
import { remindUnits } from "./remind-units.ts";
import { scheduledDataSchema } from "./scheduled-data.ts";
import { unitContacts } from "./unit-contacts.ts";
import { zeroReportDay } from "./zero-report-day.ts";

export const ZERO_REPORT_REMIND_JOB = "zero-report-remind";

export const zeroReportRemindJob: JobHandler<typeof scheduledDataSchema> = {
  name: ZERO_REPORT_REMIND_JOB,
  schema: scheduledDataSchema,
  async run(ctx, data) {
    const { prisma, directory, clock } = ctx.services;
    const today = zeroReportDay(ctx.services, new Date(data.dueAt));
    if (!today) return;
    // Done for that day already (run again by a timer rebuild, or retried after it finished).
    if ((await dailyRunHistory(prisma, ZERO_REPORT_REMIND_JOB, today.day)).ranThatDay) return;
    const now = clock.now();
    const { missing, recordedMissed } = await dayStanding(prisma, {
      units: today.rule.units,
      day: today.day,
      dayStart: today.dayStart,
      until: now,
    });
    // A unit already recorded as 漏报 (the reminder ran after the cut-off) is past reminding.
    const contactOf = unitContacts(directory);
    const contacts = missing.filter((unit) => !recordedMissed.has(unit)).map(contactOf);
    const text = M.remind(today.day, today.cutoffText, directory.botName);
    await remindUnits(ctx, contacts, text, now);
    await recordDailyRun(prisma, ZERO_REPORT_REMIND_JOB, today.day, now);
  },
};
