/**
 * The next deadline an open incident has, as its timers count it: the written report (书面) while
 * elements are missing — even once passed, since it is still owed — and the next 续报, one period
 * after the latest report or after the latest deadline already flagged as missed (as the timer
 * rebuild arms it). Whichever falls first is the one to show. Pure.
 */
import type { Incident } from "../incident-store.ts";
import type { Grade } from "../incident-types.ts";
import { nextFollowUpDue } from "../rules/timing.ts";

export type DeadlineKind = "written" | "follow_up";

export interface NextDeadline {
  kind: DeadlineKind;
  at: Date;
}

export function nextDeadline(
  incident: Pick<Incident, "status" | "completedAt" | "writtenDueAt" | "lastReportAt">,
  grade: Pick<Grade, "follow_up_every">,
  /** The latest 续报 deadline flagged as missed for the current report count (ms), if any. */
  lastMissedDue?: number,
): NextDeadline | null {
  if (incident.status !== "open") return null;
  const candidates: NextDeadline[] = [];
  if (!incident.completedAt && incident.writtenDueAt)
    candidates.push({ kind: "written", at: incident.writtenDueAt });
  const followUp = nextFollowUpDue(
    lastMissedDue === undefined ? incident.lastReportAt : new Date(lastMissedDue),
    grade,
  );
  if (followUp) candidates.push({ kind: "follow_up", at: followUp });
  candidates.sort((a, b) => a.at.getTime() - b.at.getTime());
  return candidates[0] ?? null;
}
