/** Before the cut-off (job `zero-report-remind`): units that have not reported yet are reminded, their reporters mentioned. */
import type { JobHandler } from "../../bot/core/capability.ts";
import { scheduledDataSchema } from "../reminders/scheduled-data.ts";
import { incidentsReportedBetween, reportsOfDay } from "./daily-report-store.ts";
import { unitsMissing } from "./evaluate-cutoff.ts";
import { dailyReportMessages as M } from "./messages.ts";
import { remindUnits } from "./remind-units.ts";
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
    const now = clock.now();
    const [reports, incidents] = await Promise.all([
      reportsOfDay(prisma, today.day),
      incidentsReportedBetween(prisma, today.dayStart, now),
    ]);
    const missing = unitsMissing(today.rule.units, new Set(reports.map((r) => r.unitId)), incidents);
    const contactOf = unitContacts(directory);
    const contacts = missing.map(contactOf);
    const text = M.remind(today.day, today.cutoffText, directory.botName);
    await remindUnits(ctx, contacts, text, now);
  },
};
