/**
 * A report (首报, 续报, 终报) as the text of its section on the desk page: `label：value` lines, in
 * the words of the cards the chats got (the 首报 as the reporter confirmed it; 续报 and 终报 as their
 * cards show them). Pure.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { IncidentReport } from "../../../store/generated/client.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import { casualtiesText, contactText, type FirstReportData } from "../first-report/first-report-data.ts";
import { reportCardMessages } from "../follow-up/messages.ts";
import { followUpTitle } from "../follow-up/ordinal.ts";
import { finalCard, followUpCard } from "../follow-up/report-cards.ts";
import type { Incident } from "../incident-store.ts";
import { CARD_LABELS as L, INCIDENT_DESK as M, NOT_YET_REPORTED as TBD } from "../messages.ts";

type Report = Pick<IncidentReport, "kind" | "sequence" | "receivedAt" | "reporterId" | "content">;

export function reportTitle(report: Pick<IncidentReport, "kind" | "sequence">): string {
  if (report.kind === "first") return M.firstReport;
  if (report.kind === "final") return reportCardMessages.final;
  return followUpTitle(report.sequence);
}

const lines = (fields: readonly { label: string; value: string }[]) =>
  fields
    .filter((f) => f.value)
    .map((f) => `${f.label}：${f.value}`)
    .join("\n");

export function reportText(
  incident: Incident,
  report: Report,
  policy: IncidentPolicy,
  directory: Directory,
): string {
  const tz = policy.timezone;
  if (report.kind === "first") {
    const data = (report.content ?? {}) as Partial<FirstReportData>;
    return lines([
      { label: L.occurredAt, value: data.occurredAt ? formatLocalTime(new Date(data.occurredAt), tz) : TBD },
      { label: L.location, value: data.location || TBD },
      { label: L.summary, value: data.summary || TBD },
      { label: L.casualties, value: casualtiesText(data.casualties) },
      { label: L.measures, value: data.measures || TBD },
      { label: L.contact, value: contactText(data.contact) || TBD },
      { label: L.reporter, value: directory.personName(report.reporterId) },
      { label: L.reportedAt, value: formatLocalTime(report.receivedAt, tz) },
    ]);
  }
  const input = { incident, report, policy, directory };
  const card =
    report.kind === "final"
      ? finalCard(input)
      : followUpCard(input, {
          sequence: report.sequence,
          dueAt: null,
          lateByMs: 0,
          supplemented: [],
          stillMissing: [],
          completed: false,
        });
  return lines(card.fields);
}
