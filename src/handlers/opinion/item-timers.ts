/**
 * The clocks of a 舆情 item, as jobs on the Scheduler keyed by item and purpose: the alert (sent
 * from a job, so a crash after registering still sends it once), and for each stage (核实, 回应)
 * the reminder `remind_before` its deadline and the escalation rounds after it, every
 * `escalate_every` until the stage is done. Each job re-reads the item when it fires.
 */
import type { Scheduler } from "../../bot/core/ports.ts";
import type { OpinionPolicy } from "../../config/opinion-policy.ts";
import type { OpinionItem, OpinionStage } from "./opinion-types.ts";
import { type ItemFacts, stageDone, stageDue } from "./rules/item-state.ts";

/** Job names of this capability (`opinion-digest` is the schedules file's 舆情日报). */
export const OPINION_JOBS = {
  alert: "opinion.alert",
  remind: "opinion.remind",
  overdue: "opinion.overdue",
  digest: "opinion-digest",
} as const;

export const itemTimerKeys = {
  alert: (itemId: number) => `opinion-${itemId}-alert`,
  remind: (itemId: number, stage: OpinionStage) => `opinion-${itemId}-${stage}-remind`,
  overdue: (itemId: number, stage: OpinionStage, round: number) =>
    `opinion-${itemId}-${stage}-overdue-${round}`,
};

type ClockFacts = ItemFacts & Pick<OpinionItem, "id" | "registeredAt" | "verifyNotices" | "respondNotices">;

/** Escalation rounds already sent for a stage. */
export function noticesOf(
  item: Pick<OpinionItem, "verifyNotices" | "respondNotices">,
  stage: OpinionStage,
): number {
  return stage === "verify" ? item.verifyNotices : item.respondNotices;
}

/** When the reminder before a stage's deadline is due; null when that is not after the registration. */
export function remindAt(item: ClockFacts, stage: OpinionStage, rules: OpinionPolicy): Date | null {
  const at = new Date(stageDue(item, stage).getTime() - rules.remind_before);
  return at.getTime() > item.registeredAt.getTime() ? at : null;
}

/** When escalation round `round` (1-based) of a stage is due: at the deadline, then every `escalate_every`. */
export function overdueRoundAt(due: Date, round: number, rules: OpinionPolicy): Date {
  return new Date(due.getTime() + (round - 1) * rules.escalate_every);
}

/** The latest escalation round due by `now` (0 before the deadline): a late job catches up to it. */
export function dueOverdueRound(due: Date, now: Date, rules: OpinionPolicy): number {
  const late = now.getTime() - due.getTime();
  return late < 0 ? 0 : Math.floor(late / rules.escalate_every) + 1;
}

/** Sends the alert from a job. */
export function scheduleAlert(scheduler: Scheduler, itemId: number, now: Date): Promise<void> {
  return scheduler.schedule(itemTimerKeys.alert(itemId), now, { name: OPINION_JOBS.alert, data: { itemId } });
}

/** The reminder before a stage's deadline, at `at` (its time, or now for one that never ran). */
export function scheduleRemind(
  scheduler: Scheduler,
  itemId: number,
  stage: OpinionStage,
  at: Date,
): Promise<void> {
  return scheduler.schedule(itemTimerKeys.remind(itemId, stage), at, {
    name: OPINION_JOBS.remind,
    data: { itemId, stage },
  });
}

/** Escalation round `round` of a stage, at its time. */
export function scheduleOverdueRound(
  scheduler: Scheduler,
  rules: OpinionPolicy,
  item: Pick<OpinionItem, "id" | "verifyDueAt" | "respondDueAt">,
  stage: OpinionStage,
  round: number,
): Promise<void> {
  return scheduler.schedule(
    itemTimerKeys.overdue(item.id, stage, round),
    overdueRoundAt(stageDue(item, stage), round, rules),
    {
      name: OPINION_JOBS.overdue,
      data: { itemId: item.id, stage, round },
    },
  );
}

/**
 * Arms every clock an open item has from `now` on: for each stage not done, the reminder while its
 * time is ahead and the next escalation round. Keys make arming twice harmless.
 */
export async function armItemTimers(
  scheduler: Scheduler,
  rules: OpinionPolicy,
  item: ClockFacts,
  now: Date,
): Promise<void> {
  for (const stage of ["verify", "respond"] as const) {
    if (stageDone(item, stage)) continue;
    const remind = remindAt(item, stage, rules);
    if (remind && remind.getTime() > now.getTime()) await scheduleRemind(scheduler, item.id, stage, remind);
    await scheduleOverdueRound(scheduler, rules, item, stage, noticesOf(item, stage) + 1);
  }
}

/** Cancels a stage's clocks (its step is done). */
export async function cancelStageTimers(
  scheduler: Scheduler,
  item: Pick<OpinionItem, "id" | "verifyNotices" | "respondNotices">,
  stage: OpinionStage,
): Promise<void> {
  await Promise.all([
    scheduler.cancel(itemTimerKeys.remind(item.id, stage)),
    scheduler.cancel(itemTimerKeys.overdue(item.id, stage, noticesOf(item, stage) + 1)),
  ]);
}

/** Cancels every clock of an item (办结). */
export async function cancelItemTimers(
  scheduler: Scheduler,
  item: Pick<OpinionItem, "id" | "verifyNotices" | "respondNotices">,
): Promise<void> {
  for (const stage of ["verify", "respond"] as const) await cancelStageTimers(scheduler, item, stage);
}
