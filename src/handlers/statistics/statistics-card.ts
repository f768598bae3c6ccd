/**
 * The card 统计 answers with: one field per unit (首报 count and on-time rate, mean delay, missed
 * follow-ups, 零报告), the total, and a chart of the on-time rates per unit. Pure.
 */
import type { Card, Chart } from "../../bot/core/message.ts";
import { formatDurationZh } from "../office/time-format.ts";
import { statisticsMessages as M } from "./messages.ts";
import { formatRate, percent } from "./rates.ts";
import type { UnitStatistics } from "./unit-statistics.ts";

export interface StatisticsCardInput {
  title: string;
  units: readonly UnitStatistics[];
  total: UnitStatistics;
  unitName(unitId: string): string;
}

/** `3 起，按时 2 起（按时率 66.7%），迟报平均 25 分钟；漏报续报 1 次；零报告 应报 22 天，…` */
export function unitStatisticsLine(s: UnitStatistics): string {
  const delay = s.averageDelayMs === null ? null : formatDurationZh(s.averageDelayMs);
  const incidents =
    s.incidents === 0 ? M.incidentsNone : M.incidents(s.incidents, s.onTime, formatRate(s.onTimeRate), delay);
  const d = s.daily;
  const daily =
    d.owed === 0 ? M.dailyNone : M.daily(d.owed, d.onTime, d.late, d.missed, formatRate(d.onTimeRate));
  return M.unitLine({ incidents, missedFollowUps: s.missedFollowUps, daily });
}

export function onTimeRateChart(units: readonly UnitStatistics[], unitName: (id: string) => string): Chart {
  return {
    kind: "bar",
    title: M.chartTitle,
    categories: units.map((u) => unitName(u.unitId)),
    series: [
      { name: M.seriesIncidents, values: units.map((u) => percent(u.onTimeRate)) },
      { name: M.seriesDaily, values: units.map((u) => percent(u.daily.onTimeRate)) },
    ],
    unit: "%",
  };
}

export function statisticsCard(input: StatisticsCardInput): Card {
  const fields =
    input.units.length === 0
      ? [{ label: M.unitLabel, value: M.noUnits }]
      : input.units.map((u) => ({ label: input.unitName(u.unitId), value: unitStatisticsLine(u) }));
  if (input.units.length > 1) fields.push({ label: M.total, value: unitStatisticsLine(input.total) });
  return {
    title: input.title,
    tone: "blue",
    fields,
    buttons: [],
    note: M.statsNote,
    ...(input.units.length > 0 ? { chart: onTimeRateChart(input.units, input.unitName) } : {}),
  };
}
