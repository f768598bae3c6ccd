/**
 * What an incident's 信息专报 says, from what is on file: 一、事件基本情况 from the 首报 and each 续报's
 * progress; 二、伤亡情况 (the 终报's count, else the one on file); 三、已采取措施 from the 首报 and the
 * 续报; 四、下一步工作 from the 终报 (outcome, cause, aftermath) or a line for the duty officer to
 * fill; then 报送单位, 联系人 and 电话. Pure.
 */
import type { IncidentReport } from "../../../store/generated/client.ts";
import type { OfficialBlock } from "../../office/official-document/official-document.ts";
import { officialDateTime } from "../../office/official-document/official-document.ts";
import { casualtiesOnFile, casualtiesText } from "../first-report/first-report-data.ts";
import {
  type FinalReportData,
  type FollowUpData,
  givenCasualties,
  givenText,
} from "../follow-up/follow-up-data.ts";
import { followUpTitle } from "../follow-up/ordinal.ts";
import type { Incident } from "../incident-store.ts";
import { incidentReportMessages as M } from "../messages.ts";

export type FiledReport = Pick<IncidentReport, "kind" | "sequence" | "receivedAt" | "content">;

export interface IncidentReportInput {
  incident: Incident;
  /** Every report on file, in any order. */
  reports: readonly FiledReport[];
  unitName: string;
  gradeName: string;
  reporter: { name: string; phone?: string };
  timezone: string;
}

export interface IncidentReportContent {
  title: string;
  blocks: OfficialBlock[];
}

/** 石门村 is said as 青山镇石门村; a place that names its unit already stays as it is. */
export function placeOf(location: string | null, unitName: string): string {
  const place = location?.trim();
  if (!place) return unitName;
  return place.startsWith(unitName) ? place : `${unitName}${place}`;
}

const paragraph = (text: string): OfficialBlock => ({ kind: "paragraph", text });
const heading = (text: string): OfficialBlock => ({ kind: "heading", text });

export function incidentReportContent(input: IncidentReportInput): IncidentReportContent {
  const { incident, unitName, timezone } = input;
  const when = (at: Date) => officialDateTime(at, timezone);
  const place = placeOf(incident.location, unitName);
  const followUps = input.reports
    .filter((r) => r.kind === "follow_up")
    .sort((a, b) => a.sequence - b.sequence)
    .map((r) => ({ report: r, data: r.content as Partial<FollowUpData>, title: followUpTitle(r.sequence) }));
  const finalReport = input.reports.find((r) => r.kind === "final");
  const final = finalReport ? (finalReport.content as Partial<FinalReportData>) : null;

  const basics = [
    paragraph(
      M.happened(
        incident.occurredAt ? when(incident.occurredAt) : M.whenUnknown,
        place,
        incident.type,
        input.gradeName,
      ) + (incident.summary?.trim() || M.summaryPending),
    ),
    paragraph(
      M.learned(
        when(incident.learnedAt ?? incident.reportedAt),
        unitName,
        input.reporter.name,
        incident.number,
      ),
    ),
    ...followUps.flatMap(({ report, data, title }) => {
      const progress = data.progress?.trim();
      return progress ? [paragraph(M.report(title, when(report.receivedAt), progress))] : [];
    }),
  ];

  const casualties = givenCasualties(final?.finalCasualties) ?? casualtiesOnFile(incident);

  const measures = [
    ...(incident.measures?.trim() ? [paragraph(incident.measures.trim())] : []),
    ...followUps.flatMap(({ report, data, title }) => {
      const added = givenText(data.newMeasures);
      return added ? [paragraph(M.report(title, when(report.receivedAt), added))] : [];
    }),
  ];

  const next = final
    ? [
        ...(final.outcome?.trim() ? [paragraph(M.finalOutcome(final.outcome.trim()))] : []),
        ...(final.cause?.trim() ? [paragraph(M.finalCause(final.cause.trim()))] : []),
        ...(final.aftermath?.trim() ? [paragraph(M.finalAftermath(final.aftermath.trim()))] : []),
      ]
    : [];

  const contactName = [incident.contactPost, incident.contactName].filter(Boolean).join(" ");
  return {
    title: M.title(place, incident.type),
    blocks: [
      heading(M.basics),
      ...basics,
      heading(M.casualties),
      paragraph(casualtiesText(casualties)),
      heading(M.measures),
      ...(measures.length > 0 ? measures : [paragraph(M.measuresPending)]),
      heading(M.nextSteps),
      ...(next.length > 0 ? next : [paragraph(M.nextStepsBlank)]),
      paragraph(""),
      paragraph(M.reportingUnit(unitName)),
      paragraph(M.contact(contactName || input.reporter.name)),
      paragraph(M.phone(incident.contactPhone ?? input.reporter.phone ?? "")),
    ],
  };
}
