/**
 * The jobs an open incident has on the Scheduler, keyed by incident and purpose so scheduling twice
 * is harmless: its alert, the acknowledgement checks, the written-report reminders and deadline,
 * the follow-up checks and the re-notification. Each job re-reads the incident when it fires.
 */
import type { Scheduler } from "../../bot/core/ports.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import type { Incident } from "./incident-store.ts";
import type { Grade } from "./incident-types.ts";
import { nextFollowUpDue } from "./rules/timing.ts";

export const INCIDENT_JOBS = {
  alert: "incident.alert",
  ackCheck: "incident.ack-check",
  written: "incident.written-check",
  followUp: "incident.follow-up-check",
  renotify: "incident.renotify",
} as const;

export type WrittenStage = "reporter" | "director" | "due";

export function gradeOf(policy: IncidentPolicy, gradeId: string): Grade {
  return policy.grades.find((g) => g.id === gradeId) ?? (policy.grades.at(-1) as Grade);
}

/** The alert job's key; reconcile sends a cut-short alert under it too. */
export function alertJobKey(incident: Pick<Incident, "id">): string {
  return `incident-${incident.id}-alert`;
}

export function scheduleAlert(
  scheduler: Scheduler,
  incident: Pick<Incident, "id">,
  now: Date,
): Promise<void> {
  return scheduler.schedule(alertJobKey(incident), now, {
    name: INCIDENT_JOBS.alert,
    data: { incidentId: incident.id },
  });
}

/** What every escalation's job key (and so the keys of the messages it sends) starts with. */
export function ackCheckKeyPrefix(incidentId: number): string {
  return `incident-${incidentId}-ack-`;
}

/** The check that escalates to `level` (1-based beyond the first alert) unless someone acknowledged. */
export function scheduleAckCheck(
  scheduler: Scheduler,
  incidentId: number,
  level: number,
  at: Date,
): Promise<void> {
  return scheduler.schedule(`${ackCheckKeyPrefix(incidentId)}${level}`, at, {
    name: INCIDENT_JOBS.ackCheck,
    data: { incidentId, level },
  });
}

/** When a written-report stage falls due: the reminders `remind_*_before` the deadline, then the deadline. */
export function writtenStageAt(policy: IncidentPolicy, writtenDueAt: Date, stage: WrittenStage): Date {
  const due = writtenDueAt.getTime();
  if (stage === "reporter") return new Date(due - policy.incident.remind_reporter_before);
  if (stage === "director") return new Date(due - policy.incident.remind_director_before);
  return writtenDueAt;
}

export const WRITTEN_STAGES: readonly WrittenStage[] = ["reporter", "director", "due"];

/** One written-report reminder or the deadline, at `at` (or at once when that has passed). */
export function scheduleWrittenStage(
  scheduler: Scheduler,
  incidentId: number,
  stage: WrittenStage,
  at: Date,
): Promise<void> {
  return scheduler.schedule(`incident-${incidentId}-written-${stage}`, at, {
    name: INCIDENT_JOBS.written,
    data: { incidentId, stage },
  });
}

/** Reminders before the written-report deadline and the deadline itself, while elements are missing. */
export async function scheduleWrittenChecks(
  scheduler: Scheduler,
  policy: IncidentPolicy,
  incident: Pick<Incident, "id" | "writtenDueAt" | "completedAt">,
  now: Date,
): Promise<void> {
  if (incident.completedAt || !incident.writtenDueAt) return;
  for (const stage of WRITTEN_STAGES) {
    const at = writtenStageAt(policy, incident.writtenDueAt, stage).getTime();
    if (stage !== "due" && at <= now.getTime()) continue;
    await scheduleWrittenStage(scheduler, incident.id, stage, new Date(Math.max(at, now.getTime())));
  }
}

/** The check that a 续报 came within `follow_up_every` of the latest report. */
export async function scheduleFollowUpCheck(
  scheduler: Scheduler,
  grade: Grade,
  incident: Pick<Incident, "id" | "followUpCount" | "lastReportAt">,
): Promise<void> {
  const due = nextFollowUpDue(incident.lastReportAt, grade);
  if (!due) return;
  await scheduleFollowUpCheckAt(scheduler, incident.id, incident.followUpCount, due);
}

/** The follow-up check due at `due` while the incident has had `followUpCount` 续报. */
export function scheduleFollowUpCheckAt(
  scheduler: Scheduler,
  incidentId: number,
  followUpCount: number,
  due: Date,
): Promise<void> {
  return scheduler.schedule(`incident-${incidentId}-followup-${followUpCount}-${due.getTime()}`, due, {
    name: INCIDENT_JOBS.followUp,
    data: { incidentId, followUpCount, dueAt: due.toISOString() },
  });
}

export function scheduleRenotify(
  scheduler: Scheduler,
  policy: IncidentPolicy,
  incidentId: number,
  acknowledgedAt: Date,
) {
  return scheduler.schedule(
    `incident-${incidentId}-renotify`,
    new Date(acknowledgedAt.getTime() + policy.incident.renotify_after),
    { name: INCIDENT_JOBS.renotify, data: { incidentId } },
  );
}
