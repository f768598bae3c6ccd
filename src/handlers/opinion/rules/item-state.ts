/**
 * Where a 舆情 item stands, read from its fields and now. Pure.
 *
 * - stage: the next thing the item waits for — 待签收, 待核实, 待报口径, 口径待审核, 待回应, 已回应, 已办结;
 * - a stage is done once its step is on file (核实: `verifiedAt`; 回应: `respondedAt`), the item is
 *   closed, or the answer is out (no 核实 is chased after 已回应); it is overdue (超时) while not
 *   done at or after its deadline.
 */
import type { OpinionStage } from "../opinion-types.ts";

/** The fields of an item its state is read from. */
export interface ItemFacts {
  status: string;
  signedAt: Date | null;
  verifiedAt: Date | null;
  draft: string | null;
  draftAt: Date | null;
  approvedAt: Date | null;
  respondedAt: Date | null;
  closedAt: Date | null;
  verifyDueAt: Date;
  respondDueAt: Date;
}

export type ItemStep =
  | "closed"
  | "responded"
  | "approved"
  | "draft_pending"
  | "verified"
  | "signed"
  | "unsigned";

/** The step the item has reached (the last one done). */
export function itemStep(item: ItemFacts): ItemStep {
  if (item.closedAt || item.status === "closed") return "closed";
  if (item.respondedAt) return "responded";
  if (item.approvedAt && (!item.draftAt || item.draftAt <= item.approvedAt)) return "approved";
  if (item.draft && item.draftAt) return "draft_pending";
  if (item.verifiedAt) return "verified";
  if (item.signedAt) return "signed";
  return "unsigned";
}

/**
 * Whether the stage's step is done, or no longer needed: the item is closed, or — for 核实 — the
 * approved answer is already out (a 核实 never reported is not chased after 已回应).
 */
export function stageDone(item: ItemFacts, stage: OpinionStage): boolean {
  if (item.closedAt || item.status === "closed" || item.respondedAt !== null) return true;
  return stage === "verify" && item.verifiedAt !== null;
}

export function stageDue(item: Pick<ItemFacts, "verifyDueAt" | "respondDueAt">, stage: OpinionStage): Date {
  return stage === "verify" ? item.verifyDueAt : item.respondDueAt;
}

/** Whether the stage is past its deadline and not done. */
export function stageOverdue(item: ItemFacts, stage: OpinionStage, now: Date): boolean {
  return !stageDone(item, stage) && now.getTime() >= stageDue(item, stage).getTime();
}

/** The stages past their deadline and not done, 核实 first. */
export function overdueStages(item: ItemFacts, now: Date): OpinionStage[] {
  return (["verify", "respond"] as const).filter((s) => stageOverdue(item, s, now));
}

/** Whether the stage was done by its deadline (null while not done; closed without the step: false). */
export function stageOnTime(
  item: Pick<ItemFacts, "verifiedAt" | "respondedAt" | "verifyDueAt" | "respondDueAt">,
  stage: OpinionStage,
): boolean | null {
  const doneAt = stage === "verify" ? item.verifiedAt : item.respondedAt;
  if (!doneAt) return null;
  return doneAt.getTime() <= stageDue(item, stage).getTime();
}
