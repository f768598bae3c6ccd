/**
 * The morning reminder (job `morning-reminder`): today's 值班员 and 带班领导 from the roster,
 * @-mentioned, and the zero-report deadline when today is a reporting day; paused groups are skipped.
 * Only members of a chat are mentioned there; the others are still named in the text.
 * A role the roster leaves empty reads 未安排 (or, with neither, 值班表未登记) and the duty officers
 * who stand in for it (see on-duty.ts) are mentioned, so someone fills the roster in.
 */
import type { JobHandler } from "../../bot/core/capability.ts";
import { localDayString } from "../../bot/core/wall-clock.ts";
import { formatTimeOfDay } from "../../config/time-of-day.ts";
import { type OnDutyRole, onDutyAt } from "../office/on-duty.ts";
import type { DailyRules } from "./daily-rules.ts";
import { reminderMessages as M } from "./messages.ts";
import { scheduleTargets } from "./schedule-targets.ts";
import { scheduledDataSchema } from "./scheduled-data.ts";
import { owesZeroReport } from "./zero-report-rule.ts";

export const MORNING_REMINDER_JOB = "morning-reminder";

export const morningReminderJob = (rules: DailyRules): JobHandler<typeof scheduledDataSchema> => ({
  name: MORNING_REMINDER_JOB,
  schema: scheduledDataSchema,
  async run(ctx, data) {
    const { directory, clock } = ctx.services;
    const dueAt = new Date(data.dueAt);
    const day = localDayString(dueAt, rules.timezone);
    const { duty, leaders } = onDutyAt(rules, directory, dueAt);
    const names = (role: OnDutyRole) =>
      role.rostered ? role.people.map((id) => directory.personName(id)) : undefined;
    const rule = rules.zeroReport;
    const text = M.morning(
      day,
      names(duty),
      names(leaders),
      rule && owesZeroReport(rule, day)
        ? { by: formatTimeOfDay(rule.cutoff), bot: directory.botName }
        : undefined,
    );
    // Unrostered 带班领导 are not all summoned each morning to hear that nobody was scheduled.
    const mentions = [...new Set([...duty.people, ...(leaders.rostered ? leaders.people : [])])];
    for (const chatId of await scheduleTargets(ctx.services, data, clock.now()))
      await ctx.send(chatId, { text, mentions: directory.membersAmong(chatId, mentions) });
  },
});
