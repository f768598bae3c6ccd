/**
 * An incident's page on the desk (kind `incident`, id = its database id): its facts, every report
 * with its photos, the timeline in the words of 查询, the 批示 with each receipt, the actions this
 * viewer may take now and the 信息专报 for those who may have it. Leaders, the duty office and admins
 * see every incident; anyone else their own unit's.
 */
import type {
  DeskBlock,
  DeskContext,
  DeskDocumentLink,
  DeskFiles,
  DeskItemPage,
  DeskItemView,
} from "../../../bot/core/desk.ts";
import type { Person } from "../../../config/org.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { IncidentAttachment } from "../../../store/generated/client.ts";
import { deskActionChat } from "../../office/desk-viewer.ts";
import { seesWholeDesk } from "../../office/oversight.ts";
import { clockOrFullTime, formatLocalTime } from "../../office/time-format.ts";
import { gradeTone } from "../alert-card.ts";
import { gradeOf } from "../incident-schedule.ts";
import type { Incident } from "../incident-store.ts";
import { CARD_LABELS as L, INCIDENT_DESK as M, NOT_YET_REPORTED as TBD } from "../messages.ts";
import { describeStep, showsActor } from "../timeline-lines.ts";
import { incidentTimerState } from "../timer-state.ts";
import { incidentDeskActions } from "./incident-actions.ts";
import { deadlineCell, INCIDENT_PAGE_KIND, incidentTitle } from "./incident-row.ts";
import { nextDeadline } from "./next-deadline.ts";
import { reportText, reportTitle } from "./report-text.ts";

export const INCIDENT_REPORT_DOCUMENT = "incident-report";

/** Who may look at an incident on the desk. */
export function mayViewOnDesk(viewer: Pick<Person, "roles" | "unit">, incident: Pick<Incident, "unitId">) {
  return seesWholeDesk(viewer) || viewer.unit === incident.unitId;
}

/** Who may have its 信息专报: leaders, duty, admins, and the reporting unit's director. */
export function mayHaveReport(viewer: Pick<Person, "roles" | "unit">, incident: Pick<Incident, "unitId">) {
  return seesWholeDesk(viewer) || (viewer.roles.includes("director") && viewer.unit === incident.unitId);
}

function filesBlock(rows: readonly IncidentAttachment[]): DeskFiles | null {
  const files = rows.flatMap((row) =>
    row.fileKey && (row.kind === "image" || row.kind === "video")
      ? [{ fileKey: row.fileKey, name: row.name, kind: row.kind as "image" | "video" }]
      : [],
  );
  return files.length > 0 ? { kind: "files", files } : null;
}

export async function incidentPageView(
  ctx: DeskContext,
  policy: IncidentPolicy,
  idText: string,
): Promise<DeskItemView | null> {
  const { database, directory } = ctx.services;
  const id = Number(idText);
  if (!/^\d+$/.test(idText) || !Number.isSafeInteger(id)) return null;
  const incident = await database.incident.findUnique({ where: { id } });
  if (!incident || !mayViewOnDesk(ctx.viewer, incident)) return null;
  const [reports, attachments, timeline, instructions, state] = await Promise.all([
    database.incidentReport.findMany({
      where: { incidentId: id },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    }),
    database.incidentAttachment.findMany({ where: { incidentId: id }, orderBy: { id: "asc" } }),
    database.timelineEntry.findMany({ where: { incidentId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    database.instruction.findMany({
      where: { incidentId: id },
      include: { receipts: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    incidentTimerState(database, [id]),
  ]);
  const tz = policy.timezone;
  const grade = gradeOf(policy, incident.gradeId);
  const tone = gradeTone(policy, incident.gradeId);
  const open = incident.status === "open";
  const deadline = nextDeadline(
    incident,
    grade,
    state.lastMissedDue.get(`${incident.id}-${incident.followUpCount}`),
  );
  const nameOf = (personId: string) => directory.personName(personId);
  const facts: DeskBlock = {
    kind: "facts",
    facts: [
      { label: L.number, value: { text: incident.number } },
      { label: L.grade, value: { text: grade.name, tone } },
      { label: L.unit, value: { text: directory.unitName(incident.unitId) } },
      { label: L.type, value: { text: incident.type } },
      { label: L.location, value: { text: incident.location ?? TBD } },
      {
        label: L.occurredAt,
        value: incident.occurredAt
          ? { text: formatLocalTime(incident.occurredAt, tz), since: incident.occurredAt.toISOString() }
          : { text: TBD },
      },
      { label: M.firstReportedAt, value: { text: formatLocalTime(incident.reportedAt, tz) } },
      {
        label: L.status,
        value: open ? { text: M.statusOpen, tone } : { text: M.statusClosed, tone: "grey" },
      },
      ...(open ? [{ label: M.nextDeadline, value: deadlineCell(deadline, ctx.now, tz) }] : []),
    ],
  };
  const reportSections = reports.map((report) => {
    const photos = filesBlock(attachments.filter((a) => a.reportId === report.id));
    const blocks: DeskBlock[] = [
      { kind: "text", text: reportText(incident, report, policy, directory) },
      ...(photos ? [photos] : []),
    ];
    return { title: reportTitle(report), blocks };
  });
  const later = filesBlock(attachments.filter((a) => a.reportId === null));
  const texts = new Map(instructions.map((i) => [i.id, i.text]));
  const view = { now: ctx.now, timeZone: tz, nameOf, instructionText: (i: number) => texts.get(i) };
  const timelineBlock: DeskBlock = {
    kind: "timeline",
    entries: timeline.map((row) => ({
      at: row.at.toISOString(),
      text: describeStep(row, view),
      ...(showsActor(row) ? { who: nameOf(row.actorId) } : {}),
    })),
  };
  const instructionBlocks = instructions.flatMap((instruction): DeskBlock[] => [
    {
      kind: "text",
      title: M.instructionTitle(nameOf(instruction.leaderId), formatLocalTime(instruction.createdAt, tz)),
      text: instruction.text,
    },
    {
      kind: "table",
      columns: [...M.receiptColumns],
      rows: instruction.receipts.map((r) => ({
        cells: [
          { text: nameOf(r.personId) },
          r.confirmedAt
            ? { text: M.received(clockOrFullTime(r.confirmedAt, ctx.now, tz)), tone: "green" as const }
            : { text: M.notReceived, tone: "grey" as const },
        ],
      })),
      empty: M.noReceipts,
    },
  ]);
  const latest = instructions.at(-1);
  const convertible =
    latest !== undefined &&
    (await database.supervisionTask.count({ where: { instructionId: latest.id } })) === 0;
  const documents: DeskDocumentLink[] = mayHaveReport(ctx.viewer, incident)
    ? [
        {
          documentId: INCIDENT_REPORT_DOCUMENT,
          label: M.documentLabel,
          params: { incident: String(incident.id) },
        },
      ]
    : [];
  return {
    kind: INCIDENT_PAGE_KIND,
    id: String(incident.id),
    title: incidentTitle(incident),
    tone: open ? tone : "grey",
    sections: [
      { title: M.overview, blocks: [facts] },
      ...reportSections,
      ...(later ? [{ title: M.laterPhotos, blocks: [later] }] : []),
      { title: M.timeline, blocks: [timelineBlock] },
      ...(instructionBlocks.length > 0 ? [{ title: M.instructions, blocks: instructionBlocks }] : []),
    ],
    actions: incidentDeskActions({
      incident,
      viewer: ctx.viewer,
      policy,
      chatId: deskActionChat(directory, ctx.viewer.id),
      convertible,
    }),
    documents,
  };
}

export function incidentPage(policy: IncidentPolicy): DeskItemPage {
  return { kind: INCIDENT_PAGE_KIND, load: (ctx, id) => incidentPageView(ctx, policy, id) };
}
