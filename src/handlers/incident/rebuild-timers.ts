/**
 * Puts back every timer an open incident still has, from the database (after Redis lost its data,
 * and at every start, where the same keys make it harmless): the alert when none went out yet, the
 * acknowledgement check of the next level `ack_within` after the latest alert or escalation, the
 * written-report reminders not yet sent and the deadline not yet flagged, the next follow-up check
 * after the latest deadline flagged as missed, the re-notification while nothing has happened since
 * 已阅, and the card of a 续报 or 终报 not yet sent. What fell due meanwhile runs at once.
 */

import type { Scheduler } from "../../bot/core/ports.ts";
import type { BotServices } from "../../bot/core/services.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { scheduleReportCard } from "./follow-up/report-card-job.ts";
import {
  gradeOf,
  scheduleAckCheck,
  scheduleAlert,
  scheduleFollowUpCheckAt,
  scheduleRenotify,
  scheduleWrittenStage,
  WRITTEN_STAGES,
  writtenStageAt,
} from "./incident-schedule.ts";
import type { Incident } from "./incident-store.ts";
import { quietSinceAcknowledged } from "./rules/quiet-since-acknowledged.ts";
import { type IncidentTimerState, incidentTimerState } from "./timer-state.ts";

export async function rebuildIncidentTimers(services: BotServices, policy: IncidentPolicy): Promise<void> {
  const { database, scheduler, clock } = services;
  const now = clock.now();
  const open = await database.incident.findMany({ where: { status: "open" }, orderBy: { id: "asc" } });
  const state = await incidentTimerState(
    database,
    open.map((i) => i.id),
  );
  const instructedAt = await instructionTimes(services, open);
  for (const incident of open) {
    await rebuildAlerting(scheduler, policy, incident, state, now);
    await rebuildWritten(scheduler, policy, incident, state);
    await rebuildFollowUp(scheduler, policy, incident, state);
    const { acknowledgedAt, acknowledgedBy, renotifiedAt } = incident;
    if (acknowledgedAt && acknowledgedBy && !renotifiedAt)
      if (quietSinceAcknowledged(incident, acknowledgedAt, instructedAt.get(incident.id) ?? []))
        await scheduleRenotify(scheduler, policy, incident.id, acknowledgedAt);
  }
  const unsent = await database.incidentReport.findMany({
    where: { kind: { in: ["follow_up", "final"] }, cardSentAt: null },
    orderBy: { id: "asc" },
  });
  for (const report of unsent) await scheduleReportCard(scheduler, report, now);
}

/** The alert, or the check of the level after the current one while nobody has acknowledged. */
async function rebuildAlerting(
  scheduler: Scheduler,
  policy: IncidentPolicy,
  incident: Incident,
  state: IncidentTimerState,
  now: Date,
): Promise<void> {
  if (!incident.alertedAt) return scheduleAlert(scheduler, incident, now);
  if (incident.acknowledgedAt) return;
  const level = incident.escalationLevel + 1;
  const since =
    level === 1 ? incident.alertedAt : (state.lastEscalatedAt.get(incident.id) ?? incident.alertedAt);
  const ackWithin = gradeOf(policy, incident.gradeId).ack_within;
  await scheduleAckCheck(scheduler, incident.id, level, new Date(since.getTime() + ackWithin));
}

/**
 * Reminders the first report scheduled (those still ahead when it was filed) and has not sent, and
 * the deadline until it is flagged; nothing once every element is in.
 */
async function rebuildWritten(
  scheduler: Scheduler,
  policy: IncidentPolicy,
  incident: Incident,
  state: IncidentTimerState,
): Promise<void> {
  if (incident.completedAt || !incident.writtenDueAt || incident.writtenOverdueAt) return;
  const sent = state.remindedStages.get(incident.id);
  for (const stage of WRITTEN_STAGES) {
    const at = writtenStageAt(policy, incident.writtenDueAt, stage);
    if (stage !== "due" && (at <= incident.reportedAt || sent?.has(stage))) continue;
    await scheduleWrittenStage(scheduler, incident.id, stage, at);
  }
}

/** The next 续报 deadline: one period after the latest report, or after the latest one flagged missed. */
async function rebuildFollowUp(
  scheduler: Scheduler,
  policy: IncidentPolicy,
  incident: Incident,
  state: IncidentTimerState,
): Promise<void> {
  const every = gradeOf(policy, incident.gradeId).follow_up_every;
  if (every === undefined) return;
  const flagged = state.lastMissedDue.get(`${incident.id}-${incident.followUpCount}`);
  const from = flagged ?? incident.lastReportAt.getTime();
  await scheduleFollowUpCheckAt(scheduler, incident.id, incident.followUpCount, new Date(from + every));
}

/** When each acknowledged, not yet re-notified incident was given its instructions, by incident id. */
async function instructionTimes(
  { database }: BotServices,
  incidents: readonly Incident[],
): Promise<Map<number, Date[]>> {
  const acknowledged = incidents.filter((i) => i.acknowledgedAt && !i.renotifiedAt);
  const times = new Map<number, Date[]>();
  if (acknowledged.length === 0) return times;
  const instructions = await database.instruction.findMany({
    where: { incidentId: { in: acknowledged.map((i) => i.id) } },
    select: { incidentId: true, createdAt: true },
  });
  for (const { incidentId, createdAt } of instructions)
    times.set(incidentId, [...(times.get(incidentId) ?? []), createdAt]);
  return times;
}
