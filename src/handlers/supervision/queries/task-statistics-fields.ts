/**
 * The 督办 field of the 统计 card (per unit: 交办, 按期办结, 逾期, 延期, 按期办结率) and of the 通报
 * (the overdue tasks by unit, with their numbers); 无 when there is nothing. Pure.
 */
import type { CardField } from "../../../bot/core/message.ts";
import { taskQueryMessages as M } from "./messages.ts";
import type { TaskStatisticsFacts, TaskUnitStatistics } from "./task-statistics.ts";

/** How many numbers a 通报 line names before `等 N 项`. */
const MAX_NUMBERS = 6;

/** `33.3%`, `100%`; `—` without anything to count. */
function rate(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 1000) / 10}%`;
}

/** `青山镇：交办 3，按期办结 1，逾期 1，延期 1（按期办结率 33.3%）`, one line per unit. */
export function taskStatisticsField(
  rows: readonly TaskUnitStatistics[],
  unitName: (unitId: string) => string,
): CardField {
  const lines = rows.map((s) => M.statisticsLine(unitName(s.unitId), { ...s, rate: rate(s.onTimeRate) }));
  return { label: M.statisticsLabel, value: lines.length > 0 ? lines.join("\n") : M.none };
}

/** `青山镇：2 项（D2026-0001、D2026-0003）`, units in the order given, then any other. */
export function overdueNoticeField(
  units: readonly string[],
  facts: TaskStatisticsFacts,
  unitName: (unitId: string) => string,
): CardField {
  const ids = [...units];
  for (const row of facts.overdue) if (!ids.includes(row.unitId)) ids.push(row.unitId);
  const lines = ids.flatMap((unitId) => {
    const numbers = [...new Set(facts.overdue.filter((p) => p.unitId === unitId).map((p) => p.number))];
    if (numbers.length === 0) return [];
    const listed =
      numbers.length <= MAX_NUMBERS
        ? numbers.join("、")
        : M.moreNumbers(numbers.slice(0, MAX_NUMBERS).join("、"), numbers.length);
    return [M.noticeLine(unitName(unitId), numbers.length, listed)];
  });
  return { label: M.noticeLabel, value: lines.length > 0 ? lines.join("\n") : M.none };
}
