/**
 * At the cut-off (job `zero-report-cutoff`): the day is evaluated and recorded (漏报 for the
 * missing), the duty office and the leaders get the list (today's duty people mentioned, or named
 * when they are not in the duty group), and each missing unit is reminded once more unless its
 * group paused reminders.
 */
import { dutyChats, leaderChats } from "../office/audience.ts";
import { onDutyAt } from "../office/on-duty.ts";
import type { DailyRules } from "./daily-rules.ts";
import { evaluateCutoff } from "./evaluate-cutoff.ts";
import { dailyReportMessages as M } from "./messages.ts";
import { remindUnits } from "./remind-units.ts";
import { unitContacts } from "./unit-contacts.ts";
import { zeroReportJob } from "./zero-report-job.ts";

export const ZERO_REPORT_CUTOFF_JOB = "zero-report-cutoff";

export const zeroReportCutoffJob = (rules: DailyRules) =>
  zeroReportJob(rules, ZERO_REPORT_CUTOFF_JOB, async (ctx, { today, dueAt, now }) => {
    const { database, directory } = ctx.services;
    const outcome = await evaluateCutoff(database, { units: today.rule.units, ...today, now });
    const summary = M.cutoffSummary(
      today.day,
      today.cutoffText,
      outcome.owed,
      outcome.missing.map((u) => directory.unitName(u)),
    );
    const duty = onDutyAt(rules, directory, dueAt).duty.people;
    for (const chatId of dutyChats(directory)) {
      const here = directory.membersAmong(chatId, duty);
      const away = duty.filter((p) => !here.includes(p)).map((p) => directory.personName(p));
      await ctx.send(chatId, {
        text: away.length > 0 ? `${summary}\n${M.dutyNotHere(away)}` : summary,
        mentions: here,
      });
    }
    for (const chatId of leaderChats(directory)) await ctx.send(chatId, summary);

    const contactOf = unitContacts(directory);
    const contacts = outcome.missing.map(contactOf);
    const text = M.missedToUnit(today.day, today.cutoffText, directory.botName);
    await remindUnits(ctx, contacts, text, now);
  });
