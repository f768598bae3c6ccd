/**
 * The rows of the 统计表: one per unit with the figures the 统计 card gives it — 首报, 零报告, 迟报
 * and 漏报 totals (unit-statistics.ts), 督办 (task-statistics.ts) and 舆情 (item-statistics.ts) —,
 * rates as 0–1 ratios the sheet shows as percentages, and the totals row: the reporting figures of
 * every unit together (totalStatistics: rates over all reports), the 督办 and 舆情 counts summed.
 * Pure: the figures and the names are inputs.
 */

import type { SheetColumn, SheetValue } from "../../office/ledger-sheet/ledger-sheet.ts";
import { formatDurationZh } from "../../office/time-format.ts";
import type { ItemUnitStatistics } from "../../opinion/queries/item-statistics.ts";
import type { TaskUnitStatistics } from "../../supervision/queries/task-statistics.ts";
import { statisticsMessages as M } from "../messages.ts";
import type { UnitStatistics } from "../unit-statistics.ts";

const C = M.sheetColumns;

export const STATISTICS_COLUMNS: SheetColumn[] = [
  { header: C.unit },
  { header: C.incidents, format: "count" },
  { header: C.onTime, format: "count" },
  { header: C.late, format: "count" },
  { header: C.onTimeRate, format: "percent" },
  { header: C.averageDelay },
  { header: C.missedFollowUps, format: "count" },
  { header: C.dailyOwed, format: "count" },
  { header: C.dailyOnTime, format: "count" },
  { header: C.dailyLate, format: "count" },
  { header: C.dailyMissed, format: "count" },
  { header: C.dailyRate, format: "percent" },
  { header: C.lateTotal, format: "count" },
  { header: C.missedTotal, format: "count" },
  { header: C.tasksAssigned, format: "count" },
  { header: C.tasksOnTime, format: "count" },
  { header: C.tasksOverdue, format: "count" },
  { header: C.tasksExtended, format: "count" },
  { header: C.tasksRate, format: "percent" },
  { header: C.opinions, format: "count" },
  { header: C.opinionsVerified, format: "count" },
  { header: C.opinionsVerifiedOnTime, format: "count" },
  { header: C.opinionsResponded, format: "count" },
  { header: C.opinionsRespondedOnTime, format: "count" },
];

const NO_TASKS: Omit<TaskUnitStatistics, "unitId"> = {
  assigned: 0,
  onTime: 0,
  overdue: 0,
  extended: 0,
  onTimeRate: null,
};
const NO_ITEMS: Omit<ItemUnitStatistics, "unitId"> = {
  items: 0,
  verified: 0,
  verifiedOnTime: 0,
  responded: 0,
  respondedOnTime: 0,
};

function figures(
  label: string,
  s: UnitStatistics,
  t: Omit<TaskUnitStatistics, "unitId">,
  o: Omit<ItemUnitStatistics, "unitId">,
): SheetValue[] {
  return [
    label,
    s.incidents,
    s.onTime,
    s.late,
    s.onTimeRate,
    s.averageDelayMs === null ? null : formatDurationZh(s.averageDelayMs),
    s.missedFollowUps,
    s.daily.owed,
    s.daily.onTime,
    s.daily.late,
    s.daily.missed,
    s.daily.onTimeRate,
    s.lateTotal,
    s.missedTotal,
    t.assigned,
    t.onTime,
    t.overdue,
    t.extended,
    t.onTimeRate,
    o.items,
    o.verified,
    o.verifiedOnTime,
    o.responded,
    o.respondedOnTime,
  ];
}

export interface StatisticsSheetInput {
  /** The reporting figures per unit, in the card's order (unitStatistics). */
  units: readonly UnitStatistics[];
  total: UnitStatistics;
  tasks: readonly TaskUnitStatistics[];
  opinions: readonly ItemUnitStatistics[];
  unitName(unitId: string): string;
}

export function statisticsSheetRows(input: StatisticsSheetInput): {
  rows: SheetValue[][];
  totals: SheetValue[];
} {
  const tasks = new Map(input.tasks.map((t) => [t.unitId, t]));
  const opinions = new Map(input.opinions.map((o) => [o.unitId, o]));
  const rows = input.units.map((s) =>
    figures(input.unitName(s.unitId), s, tasks.get(s.unitId) ?? NO_TASKS, opinions.get(s.unitId) ?? NO_ITEMS),
  );
  const sum = <T>(list: readonly T[], of: (row: T) => number) => list.reduce((n, row) => n + of(row), 0);
  const assigned = sum(input.tasks, (t) => t.assigned);
  const onTime = sum(input.tasks, (t) => t.onTime);
  const taskTotal = {
    assigned,
    onTime,
    overdue: sum(input.tasks, (t) => t.overdue),
    extended: sum(input.tasks, (t) => t.extended),
    onTimeRate: assigned > 0 ? onTime / assigned : null,
  };
  const opinionTotal = {
    items: sum(input.opinions, (o) => o.items),
    verified: sum(input.opinions, (o) => o.verified),
    verifiedOnTime: sum(input.opinions, (o) => o.verifiedOnTime),
    responded: sum(input.opinions, (o) => o.responded),
    respondedOnTime: sum(input.opinions, (o) => o.respondedOnTime),
  };
  return { rows, totals: figures(M.total, input.total, taskTotal, opinionTotal) };
}
