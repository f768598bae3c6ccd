/**
 * `零报告` / `无`: a unit's reporter (or director) reports that nothing happened today, in the unit's
 * group or one to one. Before the cut-off it is on time; after it, it is accepted and marked late
 * (a 漏报 already recorded becomes 迟报) and the duty office is told.
 */
import type { Command } from "../../bot/core/capability.ts";
import { dutyChats } from "../office/audience.ts";
import { formatClock } from "../office/time-format.ts";
import { recordDailyReport } from "./daily-report-store.ts";
import type { DailyRules } from "./daily-rules.ts";
import { dailyReportMessages as M } from "./messages.ts";
import { zeroReportDay } from "./zero-report-day.ts";
import { owesZeroReport } from "./zero-report-rule.ts";

export const zeroReportCommand = (rules: DailyRules): Command => ({
  names: ["零报告", "无"],
  summary: M.commandSummary,
  async run(ctx) {
    const { database, directory, clock } = ctx.services;
    const { person, chat } = ctx;
    const now = clock.now();
    const today = zeroReportDay(rules, now);
    if (!today?.rule.units.includes(person.unit)) return ctx.reply(M.notOwed);
    if (!person.roles.some((r) => r === "reporter" || r === "director")) return ctx.reply(M.notReporter);
    if (chat.kind === "group" && chat.group?.unit !== person.unit) return ctx.reply(M.wrongChat);
    if (!owesZeroReport(today.rule, today.day)) return ctx.reply(M.notToday);
    const unit = directory.unitName(person.unit);
    const late = now.getTime() >= today.cutoff.getTime();
    const { row, created } = await recordDailyReport(database, {
      unitId: person.unit,
      day: today.day,
      kind: "zero",
      reporterId: person.id,
      at: now,
      late,
    });
    if (!created) {
      const who = row.reporterId ? directory.personName(row.reporterId) : M.byIncidentReport;
      return ctx.reply(
        M.alreadyReported(unit, row.reportedAt ? formatClock(row.reportedAt, rules.timezone) : "", who),
      );
    }
    if (row.status !== "late") return ctx.reply(M.recorded(unit, today.day));
    await ctx.reply(M.recordedLate(unit, today.day, today.cutoffText));
    for (const chatId of dutyChats(directory)) await ctx.send(chatId, M.lateToDuty(unit, today.day));
  },
});
