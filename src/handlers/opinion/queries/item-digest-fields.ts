/**
 * The 日报's 舆情 fields: 新增, 在办 (with the step, the 回应 deadline and what is overdue) and 回应超时
 * (how long past the deadline), one item a line, each saying 无 when empty (so a reader sees it was
 * checked). Pure: the facts, the time and the names are inputs.
 */
import type { CardField } from "../../../bot/core/message.ts";
import { cappedLines, shorten } from "../../office/list-text.ts";
import { formatDurationZh } from "../../office/time-format.ts";
import { opinionMessages as O } from "../messages.ts";
import { itemStep, overdueStages } from "../rules/item-state.ts";
import type { ItemDigestFacts } from "./item-digest-facts.ts";
import { opinionQueryMessages as M } from "./messages.ts";

export interface ItemDigestView {
  now: Date;
  unitName(unitId: string): string;
  levelName(levelId: string): string;
  /** A time in a list (`12-07 18:00`, or `18:00` today). */
  time(at: Date): string;
  /** A deadline as 舆情 texts write it (`12月9日 08:30`). */
  deadline(at: Date): string;
}

/** How much of an item's content a line quotes. */
const MAX_CONTENT = 16;

const capped = (lines: readonly string[]) => cappedLines(lines, M);

export function itemDigestFields(facts: ItemDigestFacts, view: ItemDigestView): CardField[] {
  const registered = facts.registered.map((item) =>
    M.digestNewLine(
      item.number,
      view.levelName(item.levelId),
      view.unitName(item.unitId),
      item.source,
      shorten(item.content, MAX_CONTENT),
    ),
  );
  const open = facts.open.map((item) =>
    O.openLine({
      number: item.number,
      level: view.levelName(item.levelId),
      unit: view.unitName(item.unitId),
      step: O.step[itemStep(item)],
      respondBy: view.deadline(item.respondDueAt),
      overdue: overdueStages(item, view.now).map((s) => O.overdue(s)),
    }),
  );
  const overdue = facts.overdue.map((item) =>
    M.digestOverdueLine(
      item.number,
      view.levelName(item.levelId),
      view.unitName(item.unitId),
      formatDurationZh(Math.max(0, view.now.getTime() - item.respondDueAt.getTime())),
      view.time(item.respondDueAt),
    ),
  );
  return [
    { label: M.digestNew(registered.length), value: capped(registered) },
    { label: M.digestOpen(open.length), value: capped(open) },
    { label: M.digestOverdue(overdue.length), value: capped(overdue) },
  ];
}
