/**
 * The Scheduler keys an open incident may still have waiting, derived from its state, so a 终报
 * can cancel them. Jobs re-check that the incident is open when they fire; cancelling spares the
 * queue the work and keeps a closed incident's timers out of the way.
 */
import type { Scheduler } from "../../../bot/core/ports.ts";
import type { Incident } from "../incident-store.ts";
import type { Grade } from "../incident-types.ts";

type KeyedIncident = Pick<Incident, "id" | "escalationLevel" | "followUpCount" | "lastReportAt">;

/**
 * The alert, the acknowledgement checks up to the level after the current one, the written-report
 * reminders and deadline, the re-notification, and the follow-up check of the current count that
 * is waiting at `now` (and the one before it, which may be due but not yet run).
 */
export function incidentJobKeys(
  incident: KeyedIncident,
  grade: Pick<Grade, "follow_up_every">,
  now: Date,
): string[] {
  const prefix = `incident-${incident.id}`;
  const keys = [`${prefix}-alert`];
  for (let level = 1; level <= incident.escalationLevel + 1; level++) keys.push(`${prefix}-ack-${level}`);
  for (const stage of ["reporter", "director", "due"]) keys.push(`${prefix}-written-${stage}`);
  keys.push(`${prefix}-renotify`);
  const every = grade.follow_up_every;
  if (every !== undefined && every > 0) {
    const last = incident.lastReportAt.getTime();
    const periods = Math.max(1, Math.floor((now.getTime() - last) / every));
    for (const j of new Set([periods, periods + 1]))
      keys.push(`${prefix}-followup-${incident.followUpCount}-${last + j * every}`);
  }
  return keys;
}

/** Cancels every key; a key that already fired or never existed is no error. */
export async function cancelJobs(scheduler: Scheduler, keys: readonly string[]): Promise<void> {
  for (const key of keys) await scheduler.cancel(key);
}
