/**
 * The daily recurring entries the app keeps on the RecurringScheduler: one per schedule entry and
 * time plus the zero-report reminder and cut-off (both from the schedules file). Each
 * fires the schedule tick, which checks the day rule and runs the entry's job.
 */
import type { RecurringEntry } from "../../bot/core/ports.ts";
import type { ScheduleEntry } from "../../config/schedules.ts";
import { formatTimeOfDay, type TimeOfDay } from "../../config/time-of-day.ts";
import type { ZeroReportPolicy } from "../../config/zero-report-policy.ts";
import { ZERO_REPORT_CUTOFF_JOB } from "./cutoff-job.ts";
import { reminderMessages as M } from "./messages.ts";
import { ZERO_REPORT_REMIND_JOB } from "./remind-job.ts";
import { SCHEDULE_TICK_JOB, type ScheduleTickData } from "./schedule-tick-job.ts";

/** Schedule ids the zero-report rule uses; schedule entries may not use them. */
export const POLICY_SCHEDULE_IDS = [ZERO_REPORT_REMIND_JOB, ZERO_REPORT_CUTOFF_JOB];

function entry(id: string, at: TimeOfDay, tick: ScheduleTickData): RecurringEntry {
  return { id, hour: at.hour, minute: at.minute, job: { name: SCHEDULE_TICK_JOB, data: { ...tick } } };
}

export function recurringEntries(
  schedules: readonly ScheduleEntry[],
  rule: ZeroReportPolicy | undefined,
): RecurringEntry[] {
  const entries = schedules.flatMap((s) =>
    s.at.map((at) =>
      entry(s.at.length === 1 ? s.id : `${s.id}-${formatTimeOfDay(at).replace(":", "")}`, at, {
        scheduleId: s.id,
        job: s.job,
        days: s.days.source,
        ...(s.data && { data: s.data }),
        ...(s.chats && { chats: s.chats }),
        ...(s.roles && { roles: s.roles }),
      }),
    ),
  );
  if (rule) {
    const days = rule.days.source;
    if (rule.remind_at)
      entries.push(
        entry(ZERO_REPORT_REMIND_JOB, rule.remind_at, {
          scheduleId: ZERO_REPORT_REMIND_JOB,
          job: ZERO_REPORT_REMIND_JOB,
          days,
        }),
      );
    entries.push(
      entry(ZERO_REPORT_CUTOFF_JOB, rule.cutoff, {
        scheduleId: ZERO_REPORT_CUTOFF_JOB,
        job: ZERO_REPORT_CUTOFF_JOB,
        days,
      }),
    );
  }
  return entries;
}

/**
 * Problems of schedule entries the config files alone cannot see: a job no capability registers,
 * an id the policy's rules already use. Paths are inside the schedules file.
 */
export function scheduleProblems(
  schedules: readonly ScheduleEntry[],
  hasJob: (name: string) => boolean,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  schedules.forEach((s, i) => {
    if (!hasJob(s.job) || s.job === SCHEDULE_TICK_JOB)
      problems.push({
        path: `[${i}].job`,
        message: M.unknownJob(s.id, s.job),
      });
    if (POLICY_SCHEDULE_IDS.includes(s.id))
      problems.push({
        path: `[${i}].id`,
        message: M.idTaken(s.id),
      });
  });
  return problems;
}
