/**
 * Where a unit's part of a task stands, and its light (亮灯): 红 overdue; 黄 within `remind_before`
 * of the deadline or with an extension pending; 绿 on track. Pure: the part's fields and now.
 */

/** The fields of a part the state is read from. */
export interface PartFacts {
  dueAt: Date;
  signedAt: Date | null;
  extensionDueAt: Date | null;
  closeRequestedAt: Date | null;
  closedAt: Date | null;
}

/** 已办结, 逾期, 待确认办结, 申请延期中, 待签收, 办理中 — the first that applies. */
export type PartStatus =
  | "closed"
  | "overdue"
  | "close_pending"
  | "extension_pending"
  | "unsigned"
  | "in_progress";

export type Light = "green" | "yellow" | "red";

export function partStatus(part: PartFacts, now: Date): PartStatus {
  if (part.closedAt) return "closed";
  if (now.getTime() >= part.dueAt.getTime()) return "overdue";
  if (part.closeRequestedAt) return "close_pending";
  if (part.extensionDueAt) return "extension_pending";
  if (!part.signedAt) return "unsigned";
  return "in_progress";
}

/** The light of an open part; null once it is closed. */
export function partLight(part: PartFacts, now: Date, remindBeforeMs: number): Light | null {
  if (part.closedAt) return null;
  const left = part.dueAt.getTime() - now.getTime();
  if (left <= 0) return "red";
  if (part.extensionDueAt || left <= remindBeforeMs) return "yellow";
  return "green";
}
