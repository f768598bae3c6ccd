/**
 * The card 查询 Y2026-0001 answers with: the item (level, source, link as text, content, unit,
 * found time, reach), where it stands, both deadlines with 超时 marks, what the unit verified, the
 * approved 口径, the answer, and the timeline. Pure: everything is an input.
 */
import type { Card, CardField } from "../../../bot/core/message.ts";
import { opinionMessages as O } from "../messages.ts";
import type { OpinionItem, OpinionStage } from "../opinion-types.ts";
import { itemStep, overdueStages, stageDue, stageOnTime } from "../rules/item-state.ts";
import { type ItemTimelineRow, type ItemTimelineView, itemTimelineLines } from "./item-timeline.ts";
import { opinionQueryMessages as M } from "./messages.ts";

export interface ItemCardView extends ItemTimelineView {
  now: Date;
  unitName(unitId: string): string;
  /** A time in full (`2026-12-07 18:00`). */
  fullTime(at: Date): string;
}

/** `阅读 23000、转发 150、评论 320`, the known counts only; null when none is known. */
export function reachText(item: Pick<OpinionItem, "reads" | "reposts" | "comments">): string | null {
  const parts = (["reads", "reposts", "comments"] as const).flatMap((key) => {
    const count = item[key];
    return count === null ? [] : [M.reachPart(M.reach[key], count)];
  });
  return parts.length > 0 ? parts.join("、") : null;
}

/** A stage's deadline and how it stands: done (on time or late), overdue, or still ahead. */
export function dueText(item: OpinionItem, stage: OpinionStage, view: ItemCardView): string {
  const due = view.fullTime(stageDue(item, stage));
  const doneAt = stage === "verify" ? item.verifiedAt : item.respondedAt;
  const name = O.stage[stage];
  if (doneAt) return M.dueDone(due, view.time(doneAt), name, stageOnTime(item, stage) === true);
  if (overdueStages(item, view.now).includes(stage)) return M.dueOverdue(due, name);
  return M.dueOpen(due);
}

export function itemCard(item: OpinionItem, timeline: readonly ItemTimelineRow[], view: ItemCardView): Card {
  const step = itemStep(item);
  const L = M.labels;
  const optional = (label: string, value: string | null | undefined): CardField[] =>
    value ? [{ label, value }] : [];
  const lines = itemTimelineLines(timeline, view);
  const fields: CardField[] = [
    { label: L.level, value: view.levelName(item.levelId) ?? item.levelId },
    { label: L.source, value: item.source },
    ...optional(L.link, item.link),
    { label: L.content, value: item.content },
    { label: L.unit, value: view.unitName(item.unitId) },
    { label: L.foundAt, value: view.fullTime(item.foundAt) },
    ...optional(L.reach, reachText(item)),
    { label: L.step, value: O.step[step] },
    { label: L.verifyDue, value: dueText(item, "verify", view) },
    { label: L.respondDue, value: dueText(item, "respond", view) },
    ...optional(L.verification, item.verification),
    ...optional(L.approved, item.approvedText),
    ...optional(L.response, item.responseNote),
    ...optional(L.closedAt, item.closedAt ? view.fullTime(item.closedAt) : null),
    { label: L.timeline, value: lines.length > 0 ? lines.join("\n") : M.timelineEmpty },
  ];
  const overdue = overdueStages(item, view.now).length > 0;
  return {
    title: M.cardTitle(O.heading(item.number), O.step[step]),
    tone: step === "closed" ? "grey" : overdue ? "red" : "blue",
    fields,
    buttons: [],
  };
}
