/**
 * The clocks of a unit's part of a task, as jobs on the Scheduler keyed by part and purpose (and by
 * the deadline they serve, so an extension's new deadline gets new jobs and the old ones find
 * nothing to do): the signing check, 催办 before the deadline, the 督办 rounds after it, and the
 * optional progress cadence (催报). Each job re-reads the part when it fires.
 */
import type { Scheduler } from "../../../bot/core/ports.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { SupervisionPart } from "../task-types.ts";

/** Job names of this capability's clocks. */
export const SUPERVISION_JOBS = {
  notify: "supervision.notify",
  signCheck: "supervision.sign-check",
  remind: "supervision.remind",
  overdue: "supervision.overdue",
  progress: "supervision.progress",
} as const;

type PartClock = Pick<
  SupervisionPart,
  "id" | "dueAt" | "signedAt" | "lastProgressAt" | "closedAt" | "overdueNotices" | "notifiedAt"
>;

export const partTimerKeys = {
  notify: (partId: number) => `task-part-${partId}-notify`,
  sign: (partId: number) => `task-part-${partId}-sign`,
  remind: (partId: number, dueAt: Date) => `task-part-${partId}-remind-${dueAt.getTime()}`,
  overdue: (partId: number, dueAt: Date, round: number) =>
    `task-part-${partId}-overdue-${dueAt.getTime()}-${round}`,
  progress: (partId: number, since: Date) => `task-part-${partId}-progress-${since.getTime()}`,
};

/** When the 催办 for a deadline is due. */
export function remindAt(dueAt: Date, rules: TasksPolicy): Date {
  return new Date(dueAt.getTime() - rules.remind_before);
}

/** When 督办 round `round` (1-based) is due: at the deadline, then every `overdue_every`. */
export function overdueRoundAt(dueAt: Date, round: number, rules: TasksPolicy): Date {
  return new Date(dueAt.getTime() + (round - 1) * rules.overdue_every);
}

/** What the progress cadence counts from: the latest 反馈, else the 签收, else the 交办. */
export function progressSince(part: PartClock, assignedAt: Date): Date {
  return part.lastProgressAt ?? part.signedAt ?? assignedAt;
}

/** Sends the task card to the unit from a job, so a crash after filing still sends it once. */
export function scheduleNotify(scheduler: Scheduler, partId: number, now: Date): Promise<void> {
  return scheduler.schedule(partTimerKeys.notify(partId), now, {
    name: SUPERVISION_JOBS.notify,
    data: { partId },
  });
}

/**
 * Arms every clock an open part has from `now` on: the signing check while unsigned, the 催办 while
 * its time is still ahead, the next 督办 round, and the progress check when the policy has a
 * cadence. Keys make arming twice harmless.
 */
export async function armPartTimers(
  scheduler: Scheduler,
  rules: TasksPolicy,
  task: { createdAt: Date },
  part: PartClock,
  now: Date,
): Promise<void> {
  if (part.closedAt) return;
  const { id, dueAt } = part;
  if (!part.signedAt)
    await scheduler.schedule(partTimerKeys.sign(id), new Date(task.createdAt.getTime() + rules.sign_within), {
      name: SUPERVISION_JOBS.signCheck,
      data: { partId: id },
    });
  const remind = remindAt(dueAt, rules);
  if (remind.getTime() > now.getTime())
    await scheduler.schedule(partTimerKeys.remind(id, dueAt), remind, {
      name: SUPERVISION_JOBS.remind,
      data: { partId: id, dueAt: dueAt.toISOString() },
    });
  await scheduleOverdueRound(scheduler, rules, part, part.overdueNotices + 1);
  if (rules.progress_every !== undefined) {
    const since = progressSince(part, task.createdAt);
    await scheduler.schedule(
      partTimerKeys.progress(id, since),
      new Date(since.getTime() + rules.progress_every),
      {
        name: SUPERVISION_JOBS.progress,
        data: { partId: id, since: since.toISOString() },
      },
    );
  }
}

/** 督办 round `round` for the part's current deadline. */
export function scheduleOverdueRound(
  scheduler: Scheduler,
  rules: TasksPolicy,
  part: Pick<SupervisionPart, "id" | "dueAt">,
  round: number,
): Promise<void> {
  return scheduler.schedule(
    partTimerKeys.overdue(part.id, part.dueAt, round),
    overdueRoundAt(part.dueAt, round, rules),
    { name: SUPERVISION_JOBS.overdue, data: { partId: part.id, dueAt: part.dueAt.toISOString(), round } },
  );
}

/** Cancels the clocks a part has for its current deadline (closing it, or before moving the deadline). */
export async function cancelPartTimers(
  scheduler: Scheduler,
  part: PartClock,
  assignedAt: Date,
): Promise<void> {
  await Promise.all([
    scheduler.cancel(partTimerKeys.sign(part.id)),
    scheduler.cancel(partTimerKeys.remind(part.id, part.dueAt)),
    scheduler.cancel(partTimerKeys.overdue(part.id, part.dueAt, part.overdueNotices + 1)),
    scheduler.cancel(partTimerKeys.progress(part.id, progressSince(part, assignedAt))),
  ]);
}

/** The latest 督办 round due by `now` for a deadline (0 before it): a late job catches up to it. */
export function dueOverdueRound(dueAt: Date, now: Date, rules: TasksPolicy): number {
  const late = now.getTime() - dueAt.getTime();
  return late < 0 ? 0 : Math.floor(late / rules.overdue_every) + 1;
}

/** The signing check of a part, `sign_within` after the 交办 (at once when that has passed). */
export function scheduleSignCheck(
  scheduler: Scheduler,
  rules: TasksPolicy,
  task: { createdAt: Date },
  partId: number,
): Promise<void> {
  return scheduler.schedule(
    partTimerKeys.sign(partId),
    new Date(task.createdAt.getTime() + rules.sign_within),
    {
      name: SUPERVISION_JOBS.signCheck,
      data: { partId },
    },
  );
}

/** The 催办 for the part's deadline, at `at` (its time, or now for one that never ran). */
export function scheduleRemind(
  scheduler: Scheduler,
  part: Pick<SupervisionPart, "id" | "dueAt">,
  at: Date,
): Promise<void> {
  return scheduler.schedule(partTimerKeys.remind(part.id, part.dueAt), at, {
    name: SUPERVISION_JOBS.remind,
    data: { partId: part.id, dueAt: part.dueAt.toISOString() },
  });
}

/** The progress check counting from `since` (the last 反馈, 催报, 签收 or 交办), `progress_every` later. */
export function scheduleProgress(
  scheduler: Scheduler,
  progressEvery: number,
  partId: number,
  since: Date,
): Promise<void> {
  return scheduler.schedule(
    partTimerKeys.progress(partId, since),
    new Date(since.getTime() + progressEvery),
    {
      name: SUPERVISION_JOBS.progress,
      data: { partId, since: since.toISOString() },
    },
  );
}
