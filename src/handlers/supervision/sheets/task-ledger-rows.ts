/**
 * The rows of the 督办台账: one per unit's part of each task — 编号, 交办事项, 交办人, 交办时间,
 * 责任单位 (牵头/配合), 期限, 状态 and 灯 (part-state.ts, filled in the light's colour), 签收时间,
 * 办结时间, 延期次数 and the latest 反馈. Pure: the tasks, now and the names are inputs.
 */
import type { SheetColumn, SheetValue } from "../../office/ledger-sheet/ledger-sheet.ts";
import { supervisionMessages as S } from "../messages.ts";
import { partLight, partStatus } from "../rules/part-state.ts";
import type { PartRole, SupervisionPart, SupervisionTask } from "../task-types.ts";
import { taskSheetMessages as M } from "./messages.ts";

const C = M.columns;

export const TASK_LEDGER_COLUMNS: SheetColumn[] = [
  { header: C.number },
  { header: C.content, wrap: true },
  { header: C.assigner },
  { header: C.assignedAt },
  { header: C.unit },
  { header: C.dueAt },
  { header: C.status },
  { header: C.light },
  { header: C.signedAt },
  { header: C.closedAt },
  { header: C.extensions, format: "count" },
  { header: C.progress, wrap: true },
];

export type LedgerSheetTask = Pick<SupervisionTask, "number" | "content" | "assignerId" | "createdAt"> & {
  parts: Pick<
    SupervisionPart,
    | "unitId"
    | "role"
    | "dueAt"
    | "signedAt"
    | "extensionDueAt"
    | "closeRequestedAt"
    | "closedAt"
    | "extensions"
    | "lastProgress"
    | "lastProgressAt"
  >[];
};

export interface TaskLedgerView {
  now: Date;
  remindBeforeMs: number;
  unitName(unitId: string): string;
  personName(personId: string): string;
  /** A time in full: `2026-12-07 18:00`. */
  time(at: Date): string;
}

export function taskLedgerRows(tasks: readonly LedgerSheetTask[], view: TaskLedgerView): SheetValue[][] {
  const at = (time: Date | null) => (time ? view.time(time) : null);
  return tasks.flatMap((task) =>
    task.parts.map((part): SheetValue[] => {
      const light = partLight(part, view.now, view.remindBeforeMs);
      const role = S.role[part.role as PartRole] ?? part.role;
      const progress =
        part.lastProgress && part.lastProgressAt
          ? M.progress(view.time(part.lastProgressAt), part.lastProgress)
          : part.lastProgress;
      return [
        task.number,
        task.content,
        view.personName(task.assignerId),
        view.time(task.createdAt),
        M.unitWithRole(view.unitName(part.unitId), role),
        view.time(part.dueAt),
        S.status[partStatus(part, view.now)],
        light ? { value: S.light[light], tone: light } : null,
        at(part.signedAt),
        at(part.closedAt),
        part.extensions,
        progress,
      ];
    }),
  );
}
