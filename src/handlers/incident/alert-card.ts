/** The alert card leaders and the duty office see for an incident (pure: everything is an input). */

import type { Directory } from "../../bot/core/directory.ts";
import type { Card, CardButton } from "../../bot/core/message.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { formatDurationZh, formatLocalTime } from "../office/time-format.ts";
import { casualtiesText } from "./first-report/first-report-data.ts";
import { gradeOf } from "./incident-schedule.ts";
import type { Incident } from "./incident-store.ts";
import { ELEMENT_NAMES } from "./messages.ts";
import { missingElements } from "./rules/completeness.ts";

const TONES = ["red", "orange", "yellow", "blue"] as const;

export const INCIDENT_ACTION_PREFIX = "inc";

export function incidentActions(incident: Pick<Incident, "id">): CardButton[] {
  return [
    { label: "已阅", action: `${INCIDENT_ACTION_PREFIX}:ack:${incident.id}` },
    // 批示 belongs to the instruction capability (src/handlers/instruction), which owns the `instr` prefix.
    { label: "批示", action: `instr:start:${incident.id}` },
    { label: "要求续报", action: `${INCIDENT_ACTION_PREFIX}:followup:${incident.id}` },
  ];
}

export function incidentMissing(incident: Incident, policy: IncidentPolicy): string[] {
  return missingElements(
    {
      occurredAt: incident.occurredAt,
      location: incident.location,
      summary: incident.summary,
      casualties:
        incident.deaths === null
          ? null
          : { deaths: incident.deaths, injured: incident.injured ?? 0, missing: incident.missing ?? 0 },
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
  if (incident.lateByMs > 0) flags.push(`迟报 ${formatDurationZh(incident.lateByMs)}`);
  const missing = incidentMissing(incident, policy);
  if (missing.length > 0) flags.push(`待补：${missing.join("、")}`);
  if (incident.missedFollowUps > 0) flags.push(`漏报续报 ${incident.missedFollowUps} 次`);
  return flags;
}

export function alertCard(incident: Incident, policy: IncidentPolicy, directory: Directory): Card {
  const grade = gradeOf(policy, incident.gradeId);
  const index = policy.grades.indexOf(grade);
  const tz = policy.timezone;
  const unit = directory.unitName(incident.unitId);
  const flags = incidentFlags(incident, policy);
  const casualties =
    incident.deaths === null
      ? null
      : { deaths: incident.deaths, injured: incident.injured ?? 0, missing: incident.missing ?? 0 };
  const contact = [incident.contactPost, incident.contactName, incident.contactPhone]
    .filter(Boolean)
    .join(" ");
  return {
    title: `【${grade.name}】${incident.type} · ${unit}`,
    tone: grade.color ?? TONES[Math.min(index, TONES.length - 1)],
    fields: [
      { label: "编号", value: incident.number },
      { label: "等级", value: grade.name },
      { label: "类型", value: incident.type },
      { label: "单位", value: unit },
      { label: "地点", value: incident.location ?? "待补" },
      { label: "事发时间", value: incident.occurredAt ? formatLocalTime(incident.occurredAt, tz) : "待补" },
      { label: "伤亡", value: casualtiesText(casualties) },
      { label: "基本情况", value: incident.summary ?? "待补" },
      { label: "已采取措施", value: incident.measures ?? "待补" },
      { label: "现场负责人", value: contact || "待补" },
      { label: "报告人", value: directory.personName(incident.reporterId) },
      { label: "报告时间", value: formatLocalTime(incident.reportedAt, tz) },
      ...(flags.length > 0 ? [{ label: "标记", value: flags.join("；") }] : []),
    ],
    buttons: incidentActions(incident),
    typedReplies: `可回复「已阅 ${incident.number}」「批示 ${incident.number} 内容」。`,
  };
}
