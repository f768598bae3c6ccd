/**
 * The desk's `incidents` panel: open incidents (not closed by a 终报), most urgent first. Leaders,
 * the duty office and admins see every unit's; anyone else their own unit's.
 */
import type { DeskContext, DeskPanel, DeskPanelView } from "../../../bot/core/desk.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { seesWholeDesk } from "../../office/oversight.ts";
import { gradeTone } from "../alert-card.ts";
import { gradeOf } from "../incident-schedule.ts";
import type { Incident } from "../incident-store.ts";
import { INCIDENT_DESK as M } from "../messages.ts";
import { loadDeskFacts, NO_READS, NO_RECEIPTS } from "./desk-facts.ts";
import { incidentRow } from "./incident-row.ts";
import { nextDeadline } from "./next-deadline.ts";
import { byUrgency } from "./urgency.ts";

export const INCIDENTS_PANEL_ID = "incidents";

/** The open incidents this viewer sees. */
export function visibleOpenIncidents(ctx: DeskContext): Promise<Incident[]> {
  const unit = seesWholeDesk(ctx.viewer) ? {} : { unitId: ctx.viewer.unit };
  return ctx.services.database.incident.findMany({ where: { status: "open", ...unit } });
}

export async function incidentsPanelView(ctx: DeskContext, policy: IncidentPolicy): Promise<DeskPanelView> {
  const { database, directory } = ctx.services;
  const open = await visibleOpenIncidents(ctx);
  const facts = await loadDeskFacts(
    database,
    open.map((i) => i.id),
  );
  const rows = open.map((incident) => {
    const grade = gradeOf(policy, incident.gradeId);
    const deadline = nextDeadline(
      incident,
      grade,
      facts.lastMissedDue.get(`${incident.id}-${incident.followUpCount}`),
    );
    const key = {
      gradeIndex: policy.grades.indexOf(grade),
      nextDeadlineAt: deadline?.at ?? null,
      reportedAt: incident.reportedAt,
    };
    const row = incidentRow({
      incident,
      gradeName: grade.name,
      tone: gradeTone(policy, incident.gradeId),
      unitName: directory.unitName(incident.unitId),
      deadline,
      acknowledgedBy: incident.acknowledgedBy ? directory.personName(incident.acknowledgedBy) : null,
      reads: facts.reads.get(incident.id) ?? NO_READS,
      receipts: facts.receipts.get(incident.id) ?? NO_RECEIPTS,
      now: ctx.now,
      timeZone: policy.timezone,
    });
    return { key, row };
  });
  rows.sort((a, b) => byUrgency(a.key, b.key));
  return {
    id: INCIDENTS_PANEL_ID,
    title: M.panelTitle,
    count: rows.length,
    blocks: [{ kind: "table", columns: [...M.columns], rows: rows.map((r) => r.row), empty: M.empty }],
  };
}

export function incidentsPanel(policy: IncidentPolicy): DeskPanel {
  return { id: INCIDENTS_PANEL_ID, order: 10, load: (ctx) => incidentsPanelView(ctx, policy) };
}
