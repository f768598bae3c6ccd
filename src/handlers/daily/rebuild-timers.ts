/**
 * Puts back today's zero-report reminder and cut-off when they fell due while Redis had lost its
 * data: the recurring schedules themselves are applied again by the app, which arms what is still
 * ahead today; an occurrence already past that has not run (`daily_job_run`) runs at once, under
 * the key its schedule would have run it under (so at a start with Redis intact, where that run is
 * still on the queue, nothing is added). Only a job the bot has run on an earlier day is rebuilt:
 * on the first day (a new install, or the day of the upgrade that brought this) nothing was armed.
 * The reminder is left out once the cut-off has passed too: the cut-off reminds the missing units.
 */
import { recurringRunKey } from "../../bot/core/ports.ts";
import type { BotServices } from "../../bot/core/services.ts";
import { localDayString } from "../../bot/core/wall-clock.ts";
import type { TimeOfDay } from "../../config/time-of-day.ts";
import { dayRuleMatches } from "../office/day-rule-match.ts";
import { instantOnDay } from "../office/days.ts";
import { ZERO_REPORT_CUTOFF_JOB } from "./cutoff-job.ts";
import { dailyRunHistory } from "./daily-job-runs.ts";
import type { DailyRules } from "./daily-rules.ts";
import { ZERO_REPORT_REMIND_JOB } from "./remind-job.ts";
import { tickRunKey } from "./schedule-tick-job.ts";

export async function rebuildZeroReportTimers(services: BotServices, rules: DailyRules): Promise<void> {
  const { zeroReport: rule, timezone } = rules;
  const { clock } = services;
  if (!rule) return;
  const now = clock.now();
  const day = localDayString(now, timezone);
  if (!dayRuleMatches(rule.days, day)) return;
  const cutoff = instantOnDay(day, rule.cutoff, timezone);
  if (cutoff <= now) return rebuildMissed(services, timezone, ZERO_REPORT_CUTOFF_JOB, day, rule.cutoff);
  if (rule.remind_at) await rebuildMissed(services, timezone, ZERO_REPORT_REMIND_JOB, day, rule.remind_at);
}

/** Runs the job of the day's occurrence at `time` now, if it is past and has not run. */
async function rebuildMissed(
  services: BotServices,
  timezone: string,
  job: string,
  day: string,
  time: TimeOfDay,
): Promise<void> {
  const { database, scheduler, clock } = services;
  const dueAt = instantOnDay(day, time, timezone);
  if (dueAt > clock.now()) return;
  const { ranThatDay, ranBefore } = await dailyRunHistory(database, job, day);
  if (ranThatDay || !ranBefore) return;
  // The recurring entry's id is the job's name (see recurring-entries.ts).
  await scheduler.schedule(tickRunKey(recurringRunKey(job, dueAt)), clock.now(), {
    name: job,
    data: { scheduleId: job, dueAt: dueAt.toISOString() },
  });
}
