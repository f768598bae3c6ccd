/** Before the cut-off (job `zero-report-remind`): units that have not reported yet are reminded, their reporters mentioned. */
import type { DailyRules } from "./daily-rules.ts";
import { dayStanding } from "./day-standing.ts";
import { dailyReportMessages as M } from "./messages.ts";
import { remindUnits } from "./remind-units.ts";
import { unitContacts } from "./unit-contacts.ts";
import { zeroReportJob } from "./zero-report-job.ts";

export const ZERO_REPORT_REMIND_JOB = "zero-report-remind";

export const zeroReportRemindJob = (rules: DailyRules) =>
  zeroReportJob(rules, ZERO_REPORT_REMIND_JOB, async (ctx, { today, now }) => {
    const { database, directory } = ctx.services;
    const { missing, recordedMissed } = await dayStanding(database, {
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
  });
