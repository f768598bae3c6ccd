/**
 * The 信息专报 of one incident as a .docx, for one viewer: null when they may not have it. The
 * first time it is made the incident takes its issue (第N期); the 签发人 is the day's rostered
 * 带班领导, or a blank for the leader who signs when the roster names nobody.
 */
import type { DeskContext, DocumentFile } from "../../../bot/core/desk.ts";
import { DOCX_MIME } from "../../../bot/core/desk.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { Office } from "../../office/office.ts";
import { officialDate, officialDocx } from "../../office/official-document/official-document.ts";
import { onDutyAt } from "../../office/on-duty.ts";
import { gradeOf } from "../incident-schedule.ts";
import type { Incident } from "../incident-store.ts";
import { incidentReportMessages as M } from "../messages.ts";
import { bulletinIssue } from "./bulletin-issue.ts";
import { incidentReportContent } from "./incident-report-content.ts";
import { mayHaveIncidentReport } from "./may-have-report.ts";

export interface IncidentReportFile {
  file: DocumentFile;
  issue: number;
}

/** The rostered 带班领导 of the day, by name; null when the roster names nobody that day. */
function signerOf(ctx: DeskContext, office: Office): string | null {
  const { directory } = ctx.services;
  const leaders = onDutyAt(office, directory, ctx.now).leaders;
  const first = leaders.rostered ? leaders.people[0] : undefined;
  return first ? directory.personName(first) : null;
}

export async function incidentReportFile(
  ctx: DeskContext,
  incident: Incident,
  rules: IncidentPolicy,
  office: Office,
): Promise<IncidentReportFile | null> {
  if (!mayHaveIncidentReport(ctx.viewer, incident)) return null;
  const { database, directory } = ctx.services;
  const reports = await database.incidentReport.findMany({
    where: { incidentId: incident.id },
    select: { kind: true, sequence: true, receivedAt: true, content: true },
  });
  const reporter = directory.person(incident.reporterId);
  const content = incidentReportContent({
    incident,
    reports,
    unitName: directory.unitName(incident.unitId),
    gradeName: gradeOf(rules, incident.gradeId).name,
    reporter: { name: directory.personName(incident.reporterId), phone: reporter?.phone },
    timezone: office.timezone,
  });
  const { issue } = await bulletinIssue(database, incident.id, ctx.now, office.timezone);
  const bytes = await officialDocx({
    officeName: office.name,
    kind: M.kind,
    issue,
    date: officialDate(ctx.now, office.timezone),
    signer: signerOf(ctx, office),
    title: content.title,
    blocks: content.blocks,
  });
  return { file: { fileName: M.fileName(incident.number), mimeType: DOCX_MIME, bytes }, issue };
}
