/**
 * The values of a 舆情 item's buttons (`opinion:<action>:<item id>`): the alert's (已阅, 批示,
 * 转突发) in the duty and leaders' groups, the responsible unit's (签收, 核实, 口径, 已回应), the
 * 口径 review card's (同意发布, 修改意见) and 办结.
 */

export const OPINION_ACTION_PREFIX = "opinion";

export const OPINION_ACTIONS = [
  "read",
  "instruct",
  "convert",
  "sign",
  "verify",
  "draft",
  "respond",
  "approve",
  "revise",
  "close",
] as const;
export type OpinionAction = (typeof OPINION_ACTIONS)[number];

export function opinionActionValue(action: OpinionAction, itemId: number): string {
  return `${OPINION_ACTION_PREFIX}:${action}:${itemId}`;
}

/** `sign:12` (the value after the prefix) → { action, itemId }; null when it is not one. */
export function parseOpinionAction(value: string): { action: OpinionAction; itemId: number } | null {
  const [action, id] = value.split(":");
  const itemId = Number(id);
  if (!OPINION_ACTIONS.includes(action as OpinionAction) || !Number.isInteger(itemId)) return null;
  return { action: action as OpinionAction, itemId };
}
