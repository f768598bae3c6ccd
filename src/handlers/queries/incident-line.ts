/**
 * One incident on one line, for 进行中 and 我的上报: number, grade, unit and type, short flags
 * (迟报 · 待补 · 漏报 · 未阅) and how long ago it was reported. Pure.
 */
import type { Directory } from "../../bot/core/directory.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { incidentMissing } from "../incident/alert-card.ts";
import { gradeOf } from "../incident/incident-schedule.ts";
import type { Incident } from "../incident/incident-store.ts";
import { formatDurationZh, shortLocalTime } from "../office/time-format.ts";
import { FLAG_WORDS, queryMessages as M } from "./messages.ts";

export function shortFlags(incident: Incident, policy: IncidentPolicy): string[] {
  const flags: string[] = [];
  if (incident.lateByMs > 0) flags.push(FLAG_WORDS.late);
  if (incident.status === "open" && incidentMissing(incident, policy).length > 0)
    flags.push(FLAG_WORDS.incomplete);
  if (incident.missedFollowUps > 0) flags.push(FLAG_WORDS.missed);
  if (incident.status === "open" && !incident.acknowledgedAt) flags.push(FLAG_WORDS.unacknowledged);
  return flags;
}

/** `2026-0001 较大 青山镇 事故灾难 · 待补 · 未阅 · 已 2 小时 5 分钟` */
export function openIncidentLine(
  incident: Incident,
  policy: IncidentPolicy,
  directory: Directory,
  now: Date,
): string {
  const grade = gradeOf(policy, incident.gradeId).name;
  const parts = [
    `${incident.number} ${grade} ${directory.unitName(incident.unitId)} ${incident.type}`,
    ...shortFlags(incident, policy),
    M.age(formatDurationZh(Math.max(0, now.getTime() - incident.reportedAt.getTime()))),
  ];
  return parts.join(" · ");
}

/** `2026-0001 03-02 14:25 较大 事故灾难 · 处置中 · 续报 2 次` */
export function ownIncidentLine(incident: Incident, policy: IncidentPolicy, now: Date): string {
  const grade = gradeOf(policy, incident.gradeId).name;
  const when = shortLocalTime(incident.reportedAt, now, policy.timezone);
  const parts = [
    `${incident.number} ${when} ${grade} ${incident.type}`,
    incident.status === "open" ? M.statusOpen : M.statusClosed,
    ...(incident.followUpCount > 0 ? [M.followUpCount(incident.followUpCount)] : []),
    ...shortFlags(incident, policy).filter((f) => f !== FLAG_WORDS.unacknowledged),
  ];
  return parts.join(" · ");
}
