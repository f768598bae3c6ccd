/**
 * The 督办 panel's rows, one per open task as the ledger orders them (overdue first): its light,
 * number (opening the task's page), content cut short, each unit with its state, and the nearest
 * open deadline as a countdown. Pure: the ledger's tasks and the view are inputs.
 */
import type { DeskRow, DeskTable } from "../../../bot/core/desk.ts";
import { shorten } from "../../office/list-text.ts";
import { supervisionMessages as S } from "../messages.ts";
import {
  isOverdue,
  type LedgerTask,
  type LedgerView,
  nearestDue,
  partText,
  taskLight,
} from "../queries/ledger-lines.ts";
import { taskDeskMessages as M } from "./messages.ts";

/** The page kind of a 督办 task on the desk (`/desk/items/task/<id>`). */
export const TASK_ITEM_KIND = "task";

/** How much of the content a row quotes. */
const MAX_CONTENT = 24;

export function taskRow(task: LedgerTask & { id: number }, view: LedgerView): DeskRow {
  const item = { kind: TASK_ITEM_KIND, id: String(task.id) };
  const light = taskLight(task, view.now, view.remindBeforeMs);
  const due = new Date(nearestDue(task));
  const cells = [
    light ? { text: S.light[light], tone: light } : { text: "" },
    { text: task.number, item },
    { text: shorten(task.content, MAX_CONTENT) },
    { text: task.parts.map((p) => partText(p, task, view)).join("、") },
    {
      text: view.time(due),
      countdownTo: due.toISOString(),
      ...(isOverdue(task, view.now) ? { tone: "red" as const } : {}),
    },
  ];
  return light ? { cells, item, tone: light } : { cells, item };
}

export function taskTable(
  tasks: readonly (LedgerTask & { id: number })[],
  view: LedgerView,
  empty: string,
): DeskTable {
  const C = M.columns;
  return {
    kind: "table",
    columns: [C.light, C.number, C.content, C.units, C.deadline],
    rows: tasks.map((task) => taskRow(task, view)),
    empty,
  };
}
