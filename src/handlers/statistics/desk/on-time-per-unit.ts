/**
 * The desk's `on-time-per-unit` chart: this month's on-time rates per reporting unit (首报 and
 * 零报告), the same figures and chart as 统计 本月. Leaders, the duty office and admins see every
 * unit; anyone else their own unit's.
 */
import type { DeskChart, DeskContext } from "../../../bot/core/desk.ts";
import type { Chart } from "../../../bot/core/message.ts";
import { seesWholeDesk } from "../../office/oversight.ts";
import { statisticsMessages as M } from "../messages.ts";
import { parsePeriod } from "../period.ts";
import { reportingUnits } from "../reporting-units.ts";
import { onTimeRateChart } from "../statistics-card.ts";
import { loadStatisticsFacts } from "../statistics-facts.ts";
import { unitStatistics } from "../unit-statistics.ts";

export async function onTimePerUnit(ctx: DeskContext, timezone: string): Promise<Chart | null> {
  const { database, directory } = ctx.services;
  const parsed = parsePeriod("", ctx.now, timezone);
  if (!parsed.ok) return null;
  const { period } = parsed;
  const unitId = seesWholeDesk(ctx.viewer) ? undefined : ctx.viewer.unit;
  const facts = await loadStatisticsFacts(database, period, unitId);
  const units = unitStatistics(unitId === undefined ? reportingUnits(directory) : [unitId], facts);
  const chart = onTimeRateChart(units, (id) => directory.unitName(id));
  return {
    ...chart,
    title:
      unitId === undefined
        ? M.onTimeTitle(period.label)
        : M.onTimeOfUnitTitle(directory.unitName(unitId), period.label),
  };
}

export function onTimePerUnitDeskChart(timezone: string): DeskChart {
  return { id: "on-time-per-unit", order: 20, load: (ctx) => onTimePerUnit(ctx, timezone) };
}
