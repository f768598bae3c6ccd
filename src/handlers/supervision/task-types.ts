/**
 * What a 督办 task is made of, as the rest of the capability sees it: the task, its units' parts,
 * their roles, and the kinds of step its timeline records.
 */
import type { SupervisionEvent, SupervisionPart, SupervisionTask } from "../../store/generated/client.ts";

export type { SupervisionEvent, SupervisionPart, SupervisionTask };

/** A task with its parts (one per unit). */
export type TaskWithParts = SupervisionTask & { parts: SupervisionPart[] };

/** 牵头 (lead) answers for the whole; 配合 (assist) contributes. */
export type PartRole = "lead" | "assist";

/** Every kind of step a task's timeline holds. */
export const SUPERVISION_EVENT_KINDS = [
  "assigned", // 交办 (the whole task)
  "notified", // the task card reached the unit
  "signed", // 签收
  "progress", // 反馈
  "sign_reminded", // not signed in time: the director reminded
  "urged", // 催办 before the deadline
  "progress_asked", // 催报 (progress cadence)
  "overdue", // 督办 notice after the deadline (detail.round)
  "extension_requested", // 申请延期 (detail.dueAt, detail.reason)
  "extension_granted", // 同意延期 (detail.from, detail.to)
  "extension_refused", // 不同意
  "close_requested", // 申请办结 (detail.result)
  "returned", // 退回 (detail.reason)
  "part_closed", // 确认办结 of one unit's part
  "closed", // every part closed: the task is done
] as const;

export type SupervisionEventKind = (typeof SUPERVISION_EVENT_KINDS)[number];

/** A step to append to the timeline. */
export interface SupervisionEventInput {
  kind: SupervisionEventKind;
  at: Date;
  actorId: string | null;
  unitId?: string | null;
  detail?: object;
}
