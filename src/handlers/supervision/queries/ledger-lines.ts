/**
 * The 督办 ledger (督办台账) as people read it: one task a line — its light, number, content (cut
 * short), each unit shown with its state, and the deadline — overdue tasks first, then by the
 * nearest deadline. Pure: the tasks, the time and the names are inputs.
 */

import { shorten } from "../../office/list-text.ts";
import { supervisionMessages as S } from "../messages.ts";
import { type Light, type PartFacts, partLight, partStatus } from "../rules/part-state.ts";
import type { PartRole } from "../task-types.ts";
import { taskQueryMessages as M } from "./messages.ts";

/** The fields of a part a ledger line shows. */
export interface LedgerPart extends PartFacts {
  unitId: string;
  role: string;
}

/** A task as the ledger reads it: the parts shown (all its units', or one unit's). */
export interface LedgerTask {
  number: string;
  content: string;
  /** The deadline as assigned. */
  dueAt: Date;
  parts: LedgerPart[];
}

export interface LedgerView {
  now: Date;
  remindBeforeMs: number;
  unitName(unitId: string): string;
  /** A deadline as written in a list (`12-07 18:00`). */
  time(at: Date): string;
}

/** How much of the content a line quotes. */
const MAX_CONTENT = 20;

const LIGHT_RANK: Record<Light, number> = { red: 0, yellow: 1, green: 2 };

/** The worst light of the task's open parts (红 before 黄 before 绿); null when all are closed. */
export function taskLight(task: LedgerTask, now: Date, remindBeforeMs: number): Light | null {
  let worst: Light | null = null;
  for (const part of task.parts) {
    const light = partLight(part, now, remindBeforeMs);
    if (light && (worst === null || LIGHT_RANK[light] < LIGHT_RANK[worst])) worst = light;
  }
  return worst;
}

/** Whether any of the task's open parts is past its deadline. */
export function isOverdue(task: LedgerTask, now: Date): boolean {
  return task.parts.some((p) => !p.closedAt && now.getTime() >= p.dueAt.getTime());
}

/** The nearest deadline of the task's open parts (the task's own when all are closed). */
export function nearestDue(task: LedgerTask): number {
  const open = task.parts.filter((p) => !p.closedAt).map((p) => p.dueAt.getTime());
  return open.length > 0 ? Math.min(...open) : task.dueAt.getTime();
}

/** Overdue tasks first, then by the nearest deadline, then by number. */
export function sortLedger<T extends LedgerTask>(tasks: readonly T[], now: Date): T[] {
  const keyed = tasks.map((task) => ({ task, overdue: isOverdue(task, now) ? 0 : 1, due: nearestDue(task) }));
  keyed.sort((a, b) => a.overdue - b.overdue || a.due - b.due || a.task.number.localeCompare(b.task.number));
  return keyed.map((k) => k.task);
}

function roleName(role: string): string {
  return S.role[role as PartRole] ?? role;
}

/** `青山镇（牵头）逾期`, with `延期至 …` when the unit's deadline moved. */
export function partText(part: LedgerPart, task: LedgerTask, view: LedgerView): string {
  const state = M.partState(
    view.unitName(part.unitId),
    roleName(part.role),
    S.status[partStatus(part, view.now)],
  );
  const moved = !part.closedAt && part.dueAt.getTime() !== task.dueAt.getTime();
  return moved ? `${state}，${M.extendedTo(view.time(part.dueAt))}` : state;
}

/** `🔴 D2026-0001「报送防汛物资储备情况」青山镇（牵头）逾期、白水乡（配合）办理中 · 期限 12-05 18:00` */
export function ledgerLine(task: LedgerTask, view: LedgerView): string {
  const light = taskLight(task, view.now, view.remindBeforeMs);
  const icon = light ? `${S.lightIcon[light]} ` : "";
  const units = task.parts.map((p) => partText(p, task, view)).join("、");
  return `${icon}${task.number}「${shorten(task.content, MAX_CONTENT)}」${units} · ${M.deadline(view.time(task.dueAt))}`;
}
