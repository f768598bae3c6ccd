/**
 * The values of a task's buttons: the task card's (签收, 反馈, 申请延期, 申请办结) and the assigner's
 * answers (同意延期 / 不同意, 确认办结 / 退回), each for one unit's part (`task:sign:<part id>`); and
 * 转督办 on a 批示 card (`task-convert:<instruction id>`).
 */

export const PART_ACTION_PREFIX = "task";
export const CONVERT_ACTION_PREFIX = "task-convert";

export const PART_ACTIONS = [
  "sign",
  "progress",
  "extend",
  "close",
  "grant",
  "refuse",
  "confirm",
  "return",
] as const;
export type PartAction = (typeof PART_ACTIONS)[number];

export function partActionValue(action: PartAction, partId: number): string {
  return `${PART_ACTION_PREFIX}:${action}:${partId}`;
}

/** `sign:12` (the value after the prefix) → { action, partId }; null when it is not one. */
export function parsePartAction(value: string): { action: PartAction; partId: number } | null {
  const [action, id] = value.split(":");
  const partId = Number(id);
  if (!PART_ACTIONS.includes(action as PartAction) || !Number.isInteger(partId)) return null;
  return { action: action as PartAction, partId };
}

export function convertActionValue(instructionId: number): string {
  return `${CONVERT_ACTION_PREFIX}:${instructionId}`;
}
