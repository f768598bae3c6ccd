/**
 * The `task-on-time` chart: 督办 按期办结率 per unit this month (what a leader compares at a glance:
 * which unit lets tasks slip), counted as 统计 counts it (task-statistics.ts). Leaders and the duty
 * office see every unit with tasks; anyone else their own unit's bar.
 */
import type { DeskChart } from "../../../bot/core/desk.ts";
import type { Chart } from "../../../bot/core/message.ts";
import { monthOf } from "../../office/months.ts";
import type { Office } from "../../office/office.ts";
import { seesAllTasks } from "../queries/task-access.ts";
import { loadTaskStatistics, type TaskUnitStatistics, taskStatistics } from "../queries/task-statistics.ts";
import { taskDeskMessages as M } from "./messages.ts";

export const TASK_ON_TIME_CHART = "task-on-time";

/** A rate (0..1) as a whole percentage; null stays null (nothing assigned). */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 100);
}

export function taskOnTimeChart(
  month: number,
  rows: readonly TaskUnitStatistics[],
  unitName: (unitId: string) => string,
): Chart {
  return {
    kind: "bar",
    title: M.chartTitle(month),
    categories: rows.map((r) => unitName(r.unitId)),
    series: [{ name: M.chartSeries, values: rows.map((r) => percent(r.onTimeRate)) }],
    unit: "%",
  };
}

export function taskOnTimeDeskChart(office: Office): DeskChart {
  return {
    id: TASK_ON_TIME_CHART,
    order: 30,
    async load({ services, viewer, now }) {
      const { database, directory } = services;
      const month = monthOf(now, office.timezone);
      const unitId = seesAllTasks(viewer) ? undefined : viewer.unit;
      const facts = await loadTaskStatistics(database, month, now, unitId);
      const units = directory.org.units.map((u) => u.id);
      const rows = taskStatistics(units, facts).filter((r) => r.assigned > 0);
      return taskOnTimeChart(month.month, rows, (id) => directory.unitName(id));
    },
  };
}
