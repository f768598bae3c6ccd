/**
 * The rows of the 舆情台账: one per item — 编号, 来源, 链接, 内容摘要, 责任单位, 级别, 发现时间, the
 * 核实 and 回应 deadlines with when each was done and whether on time (item-state.ts: done by the
 * deadline 按时, done late or overdue 超时, filled green or red), the 口径 and where it stands. Pure.
 */

import type { SheetColumn, SheetValue } from "../../office/ledger-sheet/ledger-sheet.ts";
import { shorten } from "../../office/list-text.ts";
import { opinionMessages as O } from "../messages.ts";
import type { OpinionItem, OpinionStage } from "../opinion-types.ts";
import { itemStep, overdueStages, stageOnTime, stageOverdue } from "../rules/item-state.ts";
import { opinionSheetMessages as M } from "./messages.ts";

const C = M.columns;

/** How much of the content the ledger quotes. */
const MAX_CONTENT = 60;

export const OPINION_LEDGER_COLUMNS: SheetColumn[] = [
  { header: C.number },
  { header: C.source },
  { header: C.link, wrap: true },
  { header: C.content, wrap: true },
  { header: C.unit },
  { header: C.level },
  { header: C.foundAt },
  { header: C.verifyDue },
  { header: C.verifiedAt },
  { header: C.verifyOnTime },
  { header: C.respondDue },
  { header: C.respondedAt },
  { header: C.respondOnTime },
  { header: C.wording, wrap: true },
  { header: C.step },
];

export interface OpinionLedgerView {
  now: Date;
  unitName(unitId: string): string;
  levelName(levelId: string): string;
  /** A time in full: `2026-12-07 18:00`. */
  time(at: Date): string;
}

function onTimeCell(item: OpinionItem, stage: OpinionStage, now: Date): SheetValue {
  const onTime = stageOnTime(item, stage);
  if (onTime === true) return { value: M.onTime, tone: "green" };
  if (onTime === false || stageOverdue(item, stage, now)) return { value: M.late, tone: "red" };
  return null;
}

export function opinionLedgerRows(items: readonly OpinionItem[], view: OpinionLedgerView): SheetValue[][] {
  const at = (time: Date | null) => (time ? view.time(time) : null);
  return items.map((item): SheetValue[] => {
    const step = itemStep(item);
    const wording = item.approvedText ?? (item.draft ? M.draftPending(item.draft) : null);
    const overdue = overdueStages(item, view.now).length > 0;
    return [
      item.number,
      item.source,
      item.link,
      shorten(item.content, MAX_CONTENT),
      view.unitName(item.unitId),
      view.levelName(item.levelId),
      view.time(item.foundAt),
      view.time(item.verifyDueAt),
      at(item.verifiedAt),
      onTimeCell(item, "verify", view.now),
      view.time(item.respondDueAt),
      at(item.respondedAt),
      onTimeCell(item, "respond", view.now),
      wording,
      overdue ? { value: O.step[step], tone: "red" } : O.step[step],
    ];
  });
}
