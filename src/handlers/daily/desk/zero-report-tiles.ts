/**
 * Today's 零报告 as the desk's grid: one tile per owing unit in the rule's order — 已报 green, 迟报
 * yellow, 漏报 red, 未到截止 grey —, each with the unit's name and the time it reported, and a
 * legend counting each state. Pure: the units' states, the names and the time format are inputs.
 */
import type { DeskTiles, DeskTone } from "../../../bot/core/desk.ts";
import { dailyDeskMessages as M } from "../messages.ts";
import type { UnitDay, UnitDayState } from "./unit-day-state.ts";

export const STATE_TONE: Record<UnitDayState, DeskTone> = {
  on_time: "green",
  late: "yellow",
  missed: "red",
  pending: "grey",
};

const LEGEND_ORDER: readonly UnitDayState[] = ["on_time", "late", "missed", "pending"];

export function zeroReportTiles(
  days: readonly UnitDay[],
  view: { unitName(unitId: string): string; time(at: Date): string },
): DeskTiles {
  return {
    kind: "tiles",
    tiles: days.map((d) => ({
      label: M.state[d.state],
      text: M.tile(view.unitName(d.unitId), d.reportedAt ? view.time(d.reportedAt) : undefined),
      tone: STATE_TONE[d.state],
    })),
    legend: LEGEND_ORDER.map((state) => ({
      text: M.state[state],
      tone: STATE_TONE[state],
      count: days.filter((d) => d.state === state).length,
    })),
  };
}
