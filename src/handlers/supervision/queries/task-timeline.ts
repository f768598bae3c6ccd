/**
 * A task's timeline as people read it: one line per step, `12-06 09:10 青山镇 张三 签收`, with local
 * times, unit and person names instead of ids. Pure: the rows, the names and the time are inputs.
 * Details are read defensively: a step written without one still reads.
 */

import { shorten } from "../../office/list-text.ts";
import { type Detail, detailInstant, detailOf, detailText } from "../../office/timeline-detail.ts";
import { supervisionMessages as S } from "../messages.ts";
import type { PartRole } from "../task-types.ts";
import { TASK_TIMELINE_WORDS as W } from "./messages.ts";

export interface TaskTimelineRow {
  at: Date;
  kind: string;
  unitId: string | null;
  actorId: string | null;
  detail: unknown;
}

export interface TaskTimelineView {
  unitName(unitId: string): string;
  personName(personId: string): string;
  /** A time in a timeline (`12-06 09:10`, or `09:10` today). */
  time(at: Date): string;
}

/** How much of a reason, result or progress report a line quotes. */
const MAX_QUOTE = 40;

const text = detailText;

const instant = detailInstant;

function quoted(label: string, said: string | undefined): string {
  return said ? W.quoted(label, shorten(said, MAX_QUOTE)) : label;
}

/** `青山镇牵头、白水乡配合` from the assigned step's `units`. */
function assignedUnits(detail: Detail, view: TaskTimelineView): string {
  const units = Array.isArray(detail.units) ? detail.units : [];
  return units
    .flatMap((u) => {
      if (!u || typeof u !== "object") return [];
      const { unitId, role } = u as { unitId?: unknown; role?: unknown };
      if (typeof unitId !== "string") return [];
      return [`${view.unitName(unitId)}${S.role[role as PartRole] ?? ""}`];
    })
    .join("、");
}

/** What happened, without the time, the unit and the actor. */
export function describeTaskStep(row: TaskTimelineRow, view: TaskTimelineView): string {
  const d = detailOf(row);
  const when = (value: unknown) => {
    const at = instant(value);
    return at ? view.time(at) : undefined;
  };
  switch (row.kind) {
    case "assigned": {
      const units = assignedUnits(d, view);
      const due = when(d.dueAt);
      return `${W.assigned}${units ? W.assignedUnits(units) : ""}${due ? W.assignedDue(due) : ""}`;
    }
    case "notified":
      return W.notified;
    case "signed":
      return W.signed;
    case "progress":
      return quoted(W.progress, text(d, "text", "progress", "content"));
    case "sign_reminded":
      return W.signReminded;
    case "urged":
      return W.urged;
    case "progress_asked":
      return W.progressAsked;
    case "overdue":
      return W.overdue(typeof d.round === "number" ? d.round : undefined);
    case "extension_requested":
      return quoted(W.extensionRequested(when(d.dueAt)), text(d, "reason"));
    case "extension_granted":
      return W.extensionGranted(when(d.to ?? d.dueAt));
    case "extension_refused":
      // Its detail's reason is the unit's, for asking: the refusal reads without it.
      return W.extensionRefused(when(d.dueAt));
    case "close_requested":
      return quoted(W.closeRequested, text(d, "result", "text"));
    case "returned":
      return quoted(W.returned, text(d, "reason"));
    case "part_closed":
      return W.partClosed;
    case "closed":
      return W.closed;
    default:
      return row.kind;
  }
}

/** `12-06 09:00 李书记 交办：青山镇牵头、白水乡配合，期限 12-07 18:00`, oldest first as given. */
export function taskTimelineLines(rows: readonly TaskTimelineRow[], view: TaskTimelineView): string[] {
  return rows.map((row) => {
    const who = [
      ...(row.unitId ? [view.unitName(row.unitId)] : []),
      ...(row.actorId ? [view.personName(row.actorId)] : []),
    ];
    return [view.time(row.at), ...who, describeTaskStep(row, view)].join(" ");
  });
}
