/**
 * The morning reminder (job `morning-reminder`): today's 值班员 and 带班领导 from the roster,
 * @-mentioned, and the zero-report deadline when today is a reporting day; paused groups are skipped.
 */
import type { JobHandler } from "../../bot/core/capability.ts";
import { formatTimeOfDay } from "../../config/time-of-day.ts";
import { owesZeroReport } from "../daily-report/zero-report-rule.ts";
import { reminderMessages as M } from "./messages.ts";
import { localDay } from "./rules/local-day.ts";
import { scheduleTargets } from "./schedule-targets.ts";
import { scheduledDataSchema } from "./scheduled-data.ts";

export const MORNING_REMINDER_JOB = "morning-reminder";

export const morningReminderJob: JobHandler<typeof scheduledDataSchema> = {
  name: MORNING_REMINDER_JOB,
  schema: scheduledDataSchema,
  async run(ctx, data) {
    const { directory, policy, clock } = ctx.services;
    const dueAt = new Date(data.dueAt);
    const day = localDay(dueAt, policy.timezone);
    const today = ctx.services.roster.at(dueAt, policy.timezone);
    const names = (ids: string[]) => ids.map((id) => directory.person(id)?.name ?? id);
    const rule = ctx.services.zeroReport;
    const text = M.morning(
      day,
      today && names(today.duty),
      today && names(today.leaders),
      rule && owesZeroReport(rule, day)
        ? { by: formatTimeOfDay(rule.cutoff), bot: directory.botName }
        : undefined,
    );
    const mentions = today ? [...today.duty, ...today.leaders] : [];
    for (const chatId of await scheduleTargets(ctx.services, data, clock.now()))
      await ctx.send(chatId, { text, mentions });
  },
};
