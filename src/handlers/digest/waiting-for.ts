/**
 * What an open incident is waiting for, in a digest line: a leader's 已阅, missing elements,
 * receipts of an instruction, the next 续报 (or that it is overdue). Pure.
 */
import type { IncidentPolicy } from "../../config/policy.ts";
import { incidentMissing } from "../incident/alert-card.ts";
import { gradeOf } from "../incident/incident-schedule.ts";
import type { Incident } from "../incident/incident-store.ts";
import { nextFollowUpDue } from "../incident/rules/timing.ts";
import { shortLocalTime } from "../office/time-format.ts";
import { digestMessages as M } from "./messages.ts";

export function waitingFor(
  incident: Incident,
  policy: IncidentPolicy,
  /** Names of people who have not confirmed an instruction on it. */
  unconfirmed: readonly string[],
  now: Date,
): string[] {
  const waits: string[] = [];
  if (!incident.acknowledgedAt) waits.push(M.waitAck);
  const missing = incidentMissing(incident, policy);
  if (missing.length > 0) waits.push(M.waitElements(missing.join("、")));
  if (unconfirmed.length > 0) waits.push(M.waitReceipts(unconfirmed.join("、")));
  const due = nextFollowUpDue(incident.lastReportAt, gradeOf(policy, incident.gradeId));
  if (due) {
    const at = shortLocalTime(due, now, policy.timezone);
    waits.push(due.getTime() < now.getTime() ? M.followUpOverdue(at) : M.followUpBy(at));
  }
  return waits;
}
