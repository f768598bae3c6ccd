/**
 * The cards a 续报 and a 终报 put before the duty office and the leaders (the alert's audience).
 * Pure: the incident, the report as filed and the facts recorded with it are inputs.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import type { Card, CardField } from "../../../bot/core/message.ts";
import type { Element } from "../../../config/incident-policy.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { IncidentReport } from "../../../store/generated/client.ts";
import { formatDurationZh, formatLocalTime } from "../../office/time-format.ts";
import { incidentActions } from "../alert-card.ts";
import { casualtiesOnFile, casualtiesText, contactText } from "../first-report/first-report-data.ts";
import { numberedHeading } from "../incident-heading.ts";
import { gradeOf } from "../incident-schedule.ts";
import type { Incident } from "../incident-store.ts";
import { ELEMENT_NAMES } from "../messages.ts";
import type { FollowUpFacts } from "./assess-follow-up.ts";
import {
  type FinalReportData,
  type FollowUpData,
  givenCasualties,
  givenText,
  NOT_UPDATED,
} from "./follow-up-data.ts";
import { followUpMessages as M, reportCardMessages as R } from "./messages.ts";
import { followUpTitle } from "./ordinal.ts";

export interface ReportCardInput {
  incident: Incident;
  report: Pick<IncidentReport, "sequence" | "receivedAt" | "reporterId" | "content">;
  policy: IncidentPolicy;
  directory: Directory;
}

function supplementText(element: Element, data: Partial<FollowUpData>, timeZone: string): string {
  switch (element) {
    case "occurred_at":
      return data.occurredAt ? formatLocalTime(new Date(data.occurredAt), timeZone) : "";
    case "casualties":
      return casualtiesText(data.casualties);
    case "contact":
      return contactText(data.contact);
    default:
      return String(data[element] ?? "");
  }
}

function reporterFields(input: ReportCardInput): CardField[] {
  const { report, directory, policy } = input;
  return [
    { label: M.reporterField, value: directory.personName(report.reporterId) },
    { label: M.reportedAtField, value: formatLocalTime(report.receivedAt, policy.timezone) },
  ];
}

export function followUpCard(input: ReportCardInput, facts: FollowUpFacts): Card {
  const { incident, report, policy, directory } = input;
  const data = report.content as Partial<FollowUpData>;
  const tz = policy.timezone;
  const casualties = givenCasualties(data.casualtiesNow) ?? (data.casualties || null);
  const fields: CardField[] = [
    { label: M.labelProgress, value: data.progress ?? "" },
    {
      label: M.labelCasualtiesNow,
      value: casualties
        ? casualtiesText(casualties)
        : `${casualtiesText(data.casualtiesOnFile)}（${NOT_UPDATED}）`,
    },
  ];
  const measures = givenText(data.newMeasures);
  if (measures) fields.push({ label: M.labelNewMeasures, value: measures });
  if (facts.supplemented.length > 0)
    fields.push({
      label: M.supplementedField,
      value: facts.supplemented.map((e) => `${ELEMENT_NAMES[e]}：${supplementText(e, data, tz)}`).join("；"),
    });
  if (facts.stillMissing.length > 0)
    fields.push({ label: M.stillMissingField, value: facts.stillMissing.join("、") });
  if (facts.dueAt) {
    const due = formatLocalTime(new Date(facts.dueAt), tz);
    fields.push({
      label: M.dueField,
      value: facts.lateByMs > 0 ? M.dueLate(due, formatDurationZh(facts.lateByMs)) : M.dueOnTime(due),
    });
  }
  fields.push(...reporterFields(input));
  const buttons = incidentActions(incident).filter(
    (b) => !(incident.acknowledgedAt && b.action.startsWith("inc:ack:")),
  );
  return {
    title: R.cardTitle(followUpTitle(report.sequence), numberedHeading(incident, policy, directory)),
    tone: gradeOf(policy, incident.gradeId).color,
    fields,
    buttons,
    typedReplies: R.followUpTyped(incident.number),
  };
}

export function finalCard(input: ReportCardInput): Card {
  const { incident, report, policy, directory } = input;
  const data = report.content as Partial<FinalReportData>;
  const casualties = givenCasualties(data.finalCasualties) ?? casualtiesOnFile(incident);
  const fields: CardField[] = [{ label: M.labelOutcome, value: data.outcome ?? "" }];
  if (data.cause) fields.push({ label: M.labelCause, value: data.cause });
  if (data.aftermath) fields.push({ label: M.labelAftermath, value: data.aftermath });
  fields.push(
    { label: M.labelFinalCasualties, value: casualtiesText(casualties) },
    { label: M.followUpsField, value: M.followUps(report.sequence - 1) },
    {
      label: M.durationField,
      value: formatDurationZh(
        Math.max(0, report.receivedAt.getTime() - (incident.occurredAt ?? incident.reportedAt).getTime()),
      ),
    },
    ...reporterFields(input),
  );
  return {
    title: R.cardTitle(R.final, numberedHeading(incident, policy, directory)),
    tone: "grey",
    fields,
    buttons: [],
    note: M.finalNote,
  };
}
