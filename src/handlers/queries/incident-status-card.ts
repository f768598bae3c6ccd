/**
 * The card 查询 answers with: where the incident stands (处置中 / 已终报), its grade, unit and
 * flags, who acknowledged it, what is still missing, and its timeline. Pure: everything is an input.
 */
import type { Directory } from "../../bot/core/directory.ts";
import type { Card } from "../../bot/core/message.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { incidentFlags, incidentMissing } from "../incident/alert-card.ts";
import { casualtiesText } from "../incident/first-report/first-report-data.ts";
import { gradeOf } from "../incident/incident-schedule.ts";
import type { Incident } from "../incident/incident-store.ts";
import { nextFollowUpDue } from "../incident/rules/timing.ts";
import { formatLocalTime } from "../office/time-format.ts";
import { queryMessages as M } from "./messages.ts";
import { type TimelineRow, timelineLines } from "./timeline-lines.ts";

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
  const casualties =
    incident.deaths === null
      ? null
      : { deaths: incident.deaths, injured: incident.injured ?? 0, missing: incident.missing ?? 0 };
  const nextDue = open ? nextFollowUpDue(incident.lastReportAt, grade) : null;
  const lines = timelineLines(input.timeline, {
    now,
    timeZone: tz,
    nameOf,
    instructionText: (id) => input.instructions.get(id),
  });
  return {
    title: `${incident.number} · ${unit} ${grade.name}${incident.type} · ${open ? M.statusOpen : M.statusClosed}`,
    tone: open ? grade.color : "grey",
    fields: [
      {
        label: "状态",
        value: open ? M.statusOpen : M.statusClosedAt(formatLocalTime(incident.closedAt ?? now, tz)),
      },
      { label: "等级", value: grade.name },
      { label: "单位", value: unit },
      { label: "地点", value: incident.location ?? "待补" },
      { label: "事发时间", value: incident.occurredAt ? formatLocalTime(incident.occurredAt, tz) : "待补" },
      { label: "伤亡", value: casualtiesText(casualties) },
      { label: "报告人", value: nameOf(incident.reporterId) },
      { label: "标记", value: flags.length > 0 ? flags.join("；") : M.none },
      {
        label: "已阅",
        value:
          incident.acknowledgedAt && incident.acknowledgedBy
            ? M.acknowledgedBy(nameOf(incident.acknowledgedBy), formatLocalTime(incident.acknowledgedAt, tz))
            : M.notAcknowledged,
      },
      {
        label: "续报",
        value: nextDue
          ? M.followUpsNext(incident.followUpCount, formatLocalTime(nextDue, tz))
          : M.followUps(incident.followUpCount),
      },
      ...(open ? [{ label: "待补", value: missing.length > 0 ? missing.join("、") : M.none }] : []),
      ...(input.readLines?.length ? [{ label: "已读", value: input.readLines.join("\n") }] : []),
      { label: "时间线", value: lines.length > 0 ? lines.join("\n") : M.timelineEmpty },
    ],
    buttons: [],
  };
}
