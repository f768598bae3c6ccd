/**
 * A 督办 task's page on the desk: its facts (number, content, assigner, times, light and state),
 * each unit's part (role, state with its light, deadline as a countdown, 签收, the latest 反馈, a
 * pending request), and the timeline worded as 查询 words it. Pure: the task, its timeline rows,
 * the actions and the view are inputs.
 */
import type {
  DeskAction,
  DeskDocumentLink,
  DeskItemView,
  DeskRow,
  DeskTimeline,
} from "../../../bot/core/desk.ts";
import { shorten } from "../../office/list-text.ts";
import { supervisionMessages as S } from "../messages.ts";
import { taskLight } from "../queries/ledger-lines.ts";
import { taskQueryMessages as Q } from "../queries/messages.ts";
import { describeTaskStep, type TaskTimelineRow, type TaskTimelineView } from "../queries/task-timeline.ts";
import { partLight, partStatus } from "../rules/part-state.ts";
import type { PartRole, SupervisionPart, TaskWithParts } from "../task-types.ts";
import { taskDeskMessages as M } from "./messages.ts";
import { TASK_ITEM_KIND } from "./task-rows.ts";

export interface TaskPageView extends TaskTimelineView {
  now: Date;
  remindBeforeMs: number;
  /** A time in full (`2026-12-07 18:00`). */
  fullTime(at: Date): string;
}

/** How much of a progress report, reason or result a cell quotes. */
const MAX_QUOTE = 60;
/** How much of the content the title quotes. */
const MAX_TITLE = 30;

function partRow(part: SupervisionPart, view: TaskPageView): DeskRow {
  const light = partLight(part, view.now, view.remindBeforeMs);
  const status = S.status[partStatus(part, view.now)];
  const request = part.closedAt
    ? M.none
    : part.extensionDueAt
      ? M.extensionAsked(view.fullTime(part.extensionDueAt), shorten(part.extensionReason ?? "", MAX_QUOTE))
      : part.closeRequestedAt
        ? M.closeAsked(shorten(part.closeResult ?? "", MAX_QUOTE))
        : M.none;
  const cells = [
    { text: Q.unitLabel(view.unitName(part.unitId), S.role[part.role as PartRole] ?? part.role) },
    light ? { text: status, tone: light } : { text: status },
    part.closedAt
      ? { text: view.fullTime(part.dueAt) }
      : { text: view.fullTime(part.dueAt), countdownTo: part.dueAt.toISOString() },
    {
      text: part.signedAt
        ? Q.signedBy(part.signedBy ? view.personName(part.signedBy) : "", view.time(part.signedAt))
        : Q.unsigned,
    },
    {
      text:
        part.lastProgressAt && part.lastProgress
          ? Q.lastProgress(view.time(part.lastProgressAt), shorten(part.lastProgress, MAX_QUOTE))
          : M.none,
    },
    { text: request },
  ];
  return light ? { cells, tone: light } : { cells };
}

function timeline(rows: readonly TaskTimelineRow[], view: TaskPageView): DeskTimeline {
  return {
    kind: "timeline",
    entries: rows.map((row) => {
      const who = [
        ...(row.unitId ? [view.unitName(row.unitId)] : []),
        ...(row.actorId ? [view.personName(row.actorId)] : []),
      ].join(" ");
      const entry = { at: row.at.toISOString(), text: describeTaskStep(row, view) };
      const tone = row.kind === "overdue" ? { tone: "red" as const } : {};
      return who ? { ...entry, who, ...tone } : { ...entry, ...tone };
    }),
  };
}

export function taskPage(
  task: TaskWithParts,
  rows: readonly TaskTimelineRow[],
  view: TaskPageView,
  actions: DeskAction[],
  documents: DeskDocumentLink[],
): DeskItemView {
  const open = task.status !== "closed";
  const light = open ? taskLight(task, view.now, view.remindBeforeMs) : null;
  const F = M.facts;
  const C = M.partColumns;
  const facts = [
    { label: F.number, value: { text: task.number } },
    { label: F.content, value: { text: task.content } },
    { label: F.assigner, value: { text: view.personName(task.assignerId) } },
    { label: F.assignedAt, value: { text: view.fullTime(task.createdAt) } },
    { label: F.deadline, value: { text: view.fullTime(task.dueAt) } },
    {
      label: F.state,
      value: light ? { text: S.light[light], tone: light } : { text: open ? Q.taskOpen : Q.taskClosed },
    },
    ...(task.closedAt ? [{ label: F.closedAt, value: { text: view.fullTime(task.closedAt) } }] : []),
  ];
  return {
    kind: TASK_ITEM_KIND,
    id: String(task.id),
    title: M.pageTitle(task.number, shorten(task.content, MAX_TITLE)),
    ...(light ? { tone: light } : open ? {} : { tone: "grey" as const }),
    sections: [
      { title: M.sections.facts, blocks: [{ kind: "facts", facts }] },
      {
        title: M.sections.parts,
        blocks: [
          {
            kind: "table",
            columns: [C.unit, C.state, C.deadline, C.signed, C.progress, C.request],
            rows: task.parts.map((p) => partRow(p, view)),
            empty: M.none,
          },
        ],
      },
      { title: M.sections.timeline, blocks: [timeline(rows, view)] },
    ],
    actions,
    documents,
  };
}
