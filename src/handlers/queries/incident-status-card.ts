/**
 * The card 查询 answers with: where the incident stands (处置中 / 已终报), its grade, unit and
 * flags, who acknowledged it, what is still missing, and its timeline. Pure: everything is an input.
 */
import type { Directory } from "../../bot/core/directory.ts";
import type { Card } from "../../bot/core/message.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { incidentFlags, incidentMissing } from "../incident/alert-card.ts";
import { attachmentFields } from "../incident/attachments/attachment-fields.ts";
import type { AttachmentRow } from "../incident/attachments/attachment-store.ts";
import { casualtiesOnFile, casualtiesText } from "../incident/first-report/first-report-data.ts";
import { numberedHeading } from "../incident/incident-heading.ts";
import { gradeOf } from "../incident/incident-schedule.ts";
import type { Incident } from "../incident/incident-store.ts";
import { CARD_LABELS as L, NOT_YET_REPORTED as TBD } from "../incident/messages.ts";
import { nextFollowUpDue } from "../incident/rules/timing.ts";
import { type TimelineRow, timelineLines } from "../incident/timeline-lines.ts";
import { formatLocalTime } from "../office/time-format.ts";
import { queryMessages as M } from "./messages.ts";

export interface StatusCardInput {
  incident: Incident;
  timeline: readonly TimelineRow[];
  /** Instruction texts by id, quoted in the timeline. */
  instructions: ReadonlyMap<number, string>;
  policy: IncidentPolicy;
  directory: Directory;
  now: Date;
  /** 已读 lines where the platform reports reads (see read-counts.ts); none elsewhere. */
  readLines?: readonly string[];
  /** The incident's photos and shared places (现场图片 N 张 …, 位置). */
  attachments?: readonly AttachmentRow[];
}

export function incidentStatusCard(input: StatusCardInput): Card {
  const { incident, policy, directory, now } = input;
  const tz = policy.timezone;
  const grade = gradeOf(policy, incident.gradeId);
  const unit = directory.unitName(incident.unitId);
  const open = incident.status === "open";
  const nameOf = (id: string) => directory.personName(id);
  const flags = incidentFlags(incident, policy);
  const missing = open ? incidentMissing(incident, policy) : [];
  const casualties = casualtiesOnFile(incident);
  const nextDue = open ? nextFollowUpDue(incident.lastReportAt, grade) : null;
  const lines = timelineLines(input.timeline, {
    now,
    timeZone: tz,
    nameOf,
    instructionText: (id) => input.instructions.get(id),
  });
  return {
    title: `${numberedHeading(incident, policy, directory)} · ${open ? M.statusOpen : M.statusClosed}`,
    tone: open ? grade.color : "grey",
    fields: [
      {
        label: L.status,
        value: open ? M.statusOpen : M.statusClosedAt(formatLocalTime(incident.closedAt ?? now, tz)),
      },
      { label: L.grade, value: grade.name },
      { label: L.unit, value: unit },
      { label: L.location, value: incident.location ?? TBD },
      { label: L.occurredAt, value: incident.occurredAt ? formatLocalTime(incident.occurredAt, tz) : TBD },
      { label: L.casualties, value: casualtiesText(casualties) },
      { label: L.reporter, value: nameOf(incident.reporterId) },
      { label: L.flags, value: flags.length > 0 ? flags.join("；") : M.none },
      {
        label: L.acknowledged,
        value:
          incident.acknowledgedAt && incident.acknowledgedBy
            ? M.acknowledgedBy(nameOf(incident.acknowledgedBy), formatLocalTime(incident.acknowledgedAt, tz))
            : M.notAcknowledged,
      },
      {
        label: L.followUps,
        value: nextDue
          ? M.followUpsNext(incident.followUpCount, formatLocalTime(nextDue, tz))
          : M.followUps(incident.followUpCount),
      },
      ...(open ? [{ label: L.missing, value: missing.length > 0 ? missing.join("、") : M.none }] : []),
      ...attachmentFields(input.attachments ?? []),
      ...(input.readLines?.length ? [{ label: L.reads, value: input.readLines.join("\n") }] : []),
      { label: L.timeline, value: lines.length > 0 ? lines.join("\n") : M.timelineEmpty },
    ],
    buttons: [],
  };
}
