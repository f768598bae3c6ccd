/** What the 交办 dialog collects, and how its parts read in the summary and on the task card. */
import type { Directory } from "../../../bot/core/directory.ts";
import { supervisionMessages as S } from "../messages.ts";
import type { PartRole } from "../task-types.ts";

/** A deadline as the dialog keeps it: the instant, and why it was chosen when nobody wrote it. */
export interface DueChoice {
  at: string;
  note?: string;
}

/** The dialog's data: units (first 牵头), deadline, content; and the 批示 a 转督办 comes from. */
export interface AssignData extends Record<string, unknown> {
  units: string[];
  due: DueChoice;
  content: string;
  instructionId?: number;
  incidentId?: number;
  /** `2026-0042 李书记批示`, shown as 来源. */
  source?: string;
  /** Said before the first question: what in a one-line 交办 could not be used. */
  notes?: string[];
}

/** The role of the unit at `index` in the list: the first leads. */
export function roleAt(index: number): PartRole {
  return index === 0 ? "lead" : "assist";
}

/** `青山镇（牵头）、白水乡（配合）` */
export function unitsWithRoles(directory: Directory, unitIds: readonly string[]): string {
  return unitIds.map((id, i) => `${directory.unitName(id)}（${S.role[roleAt(i)]}）`).join("、");
}
