/** The alert card leaders and the duty office see for an incident (pure: everything is an input). */

import type { Directory } from "../../bot/core/directory.ts";
import type { Card, CardButton } from "../../bot/core/message.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { formatDurationZh, formatLocalTime } from "../office/time-format.ts";
import { casualtiesOnFile, casualtiesText } from "./first-report/first-report-data.ts";
import { incidentHeading } from "./incident-heading.ts";
import { gradeOf } from "./incident-schedule.ts";
import type { Incident } from "./incident-store.ts";
import {
  cardMessages as C,
  ELEMENT_NAMES,
  CARD_LABELS as L,
  incidentMessages as M,
  NOT_YET_REPORTED as TBD,
} from "./messages.ts";
import { missingElements } from "./rules/completeness.ts";
import type { IncidentVerb } from "./rules/who-may.ts";
import { countsOf } from "./understanding/casualties.ts";

const TONES = ["red", "orange", "yellow", "blue"] as const;

export const INCIDENT_ACTION_PREFIX = "inc";

const BUTTONS: Record<IncidentVerb, (id: number) => CardButton> = {
  ack: (id) => ({ label: C.ackButton, action: `${INCIDENT_ACTION_PREFIX}:ack:${id}` }),
  // 批示 belongs to the instruction capability (src/handlers/instruction), which owns the `instr` prefix.
  instruct: (id) => ({ label: C.instructButton, action: `instr:start:${id}` }),
  followup: (id) => ({ label: C.followUpButton, action: `${INCIDENT_ACTION_PREFIX}:followup:${id}` }),
};

/** The incident's buttons for `verbs` (all three by default: 已阅, 批示, 要求续报), in that order. */
export function incidentActions(
  incident: Pick<Incident, "id">,
  verbs: readonly IncidentVerb[] = ["ack", "instruct", "followup"],
): CardButton[] {
  return (["ack", "instruct", "followup"] as const)
    .filter((verb) => verbs.includes(verb))
    .map((verb) => BUTTONS[verb](incident.id));
}

/**
 * The buttons an alert keeps once acknowledged: 已阅 is done, but a leader still gives a 批示 or
 * asks for a 续报 from the card (on every platform: the console and Feishu edit it in place).
 */
export function acknowledgedActions(incident: Pick<Incident, "id">): CardButton[] {
  return incidentActions(incident, ["instruct", "followup"]);
}

export function incidentMissing(incident: Incident, policy: IncidentPolicy): string[] {
  return missingElements(
    {
      occurredAt: incident.occurredAt,
      location: incident.location,
      summary: incident.summary,
      casualties: countsOf(casualtiesOnFile(incident)),
      measures: incident.measures,
      contactName: incident.contactName ?? incident.contactPost,
      contactPhone: incident.contactPhone,
    },
    policy.required_elements,
  ).map((e) => ELEMENT_NAMES[e]);
}

/** 迟报 / 待补 / 漏报 labels of an incident. */
export function incidentFlags(incident: Incident, policy: IncidentPolicy): string[] {
  const flags: string[] = [];
  if (incident.lateByMs > 0) flags.push(M.lateLabel(formatDurationZh(incident.lateByMs)));
  const missing = incidentMissing(incident, policy);
  if (missing.length > 0) flags.push(M.missingLabel(missing));
  if (incident.missedFollowUps > 0) flags.push(C.missedFollowUps(incident.missedFollowUps));
  return flags;
}

/** A grade's colour: the policy's, else by its place (red, orange, yellow, blue). */
export function gradeTone(policy: IncidentPolicy, gradeId: string): (typeof TONES)[number] {
  const grade = gradeOf(policy, gradeId);
  return grade.color ?? TONES[Math.min(policy.grades.indexOf(grade), TONES.length - 1)] ?? "blue";
}

export function alertCard(incident: Incident, policy: IncidentPolicy, directory: Directory): Card {
  const grade = gradeOf(policy, incident.gradeId);
  const tz = policy.timezone;
  const unit = directory.unitName(incident.unitId);
  const flags = incidentFlags(incident, policy);
  const casualties = casualtiesOnFile(incident);
  const contact = [incident.contactPost, incident.contactName, incident.contactPhone]
    .filter(Boolean)
    .join(" ");
  return {
    title: incidentHeading(incident, policy, directory),
    tone: gradeTone(policy, incident.gradeId),
    fields: [
      { label: L.number, value: incident.number },
      { label: L.grade, value: grade.name },
      { label: L.type, value: incident.type },
      { label: L.unit, value: unit },
      { label: L.location, value: incident.location ?? TBD },
      { label: L.occurredAt, value: incident.occurredAt ? formatLocalTime(incident.occurredAt, tz) : TBD },
      { label: L.casualties, value: casualtiesText(casualties) },
      { label: L.summary, value: incident.summary ?? TBD },
      { label: L.measures, value: incident.measures ?? TBD },
      { label: L.contact, value: contact || TBD },
      { label: L.reporter, value: directory.personName(incident.reporterId) },
      { label: L.reportedAt, value: formatLocalTime(incident.reportedAt, tz) },
      ...(flags.length > 0 ? [{ label: L.flags, value: flags.join("；") }] : []),
    ],
    buttons: incidentActions(incident),
    typedReplies: C.typedReplies(incident.number),
  };
}
