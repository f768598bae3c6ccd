/**
 * The 舆情 panel's rows, one per open item (the nearest 回应 deadline first, as `舆情` lists them):
 * number (opening the item's page), level in its colour, unit, step, and the 核实 and 回应 deadlines
 * as countdowns — a done stage shown as done (green on time, yellow late), one past its deadline
 * marked 超时 in red. Pure.
 */
import type { DeskCell, DeskRow, DeskTable } from "../../../bot/core/desk.ts";
import type { OpinionPolicy } from "../../../config/opinion-policy.ts";
import { opinionMessages as O } from "../messages.ts";
import type { OpinionItem, OpinionStage } from "../opinion-types.ts";
import { itemStep, stageDone, stageDue, stageOnTime, stageOverdue } from "../rules/item-state.ts";
import { levelOf } from "../rules/opinion-level.ts";
import { levelTone } from "./level-tone.ts";
import { opinionDeskMessages as M } from "./messages.ts";

/** The page kind of a 舆情 item on the desk (`/desk/items/opinion/<id>`). */
export const OPINION_ITEM_KIND = "opinion";

export interface ItemRowView {
  now: Date;
  unitName(unitId: string): string;
  /** A time in a list (`12-07 18:00`, or `18:00` today). */
  time(at: Date): string;
}

/** A stage's deadline cell: done, overdue, or counting down. */
export function stageCell(item: OpinionItem, stage: OpinionStage, view: ItemRowView): DeskCell {
  const doneAt = stage === "verify" ? item.verifiedAt : item.respondedAt;
  // Done by its deadline green, done late yellow.
  if (doneAt)
    return {
      text: M.stageDone(stage, view.time(doneAt)),
      tone: stageOnTime(item, stage) ? "green" : "yellow",
    };
  if (stageDone(item, stage)) return { text: M.stageNotNeeded, tone: "grey" };
  const due = stageDue(item, stage);
  if (stageOverdue(item, stage, view.now))
    return { text: M.stageOverdue(view.time(due), stage), tone: "red", countdownTo: due.toISOString() };
  return { text: view.time(due), countdownTo: due.toISOString() };
}

export function itemRow(item: OpinionItem, rules: OpinionPolicy, view: ItemRowView): DeskRow {
  const ref = { kind: OPINION_ITEM_KIND, id: String(item.id) };
  const tone = levelTone(rules, item.levelId);
  return {
    item: ref,
    tone,
    cells: [
      { text: item.number, item: ref },
      { text: levelOf(rules, item.levelId).name, tone },
      { text: view.unitName(item.unitId) },
      { text: O.step[itemStep(item)] },
      stageCell(item, "verify", view),
      stageCell(item, "respond", view),
    ],
  };
}

export function itemTable(
  items: readonly OpinionItem[],
  rules: OpinionPolicy,
  view: ItemRowView,
  empty: string,
): DeskTable {
  const C = M.columns;
  return {
    kind: "table",
    columns: [C.number, C.level, C.unit, C.step, C.verify, C.respond],
    rows: items.map((item) => itemRow(item, rules, view)),
    empty,
  };
}
