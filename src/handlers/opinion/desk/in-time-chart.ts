/**
 * The `opinion-in-time` chart: the share of 舆情 answered within the clock, 核实 and 回应, per month
 * over the last six (items are few per unit; the trend is what a leader reads), counted as 统计
 * counts them (item-statistics.ts: of the items registered in the month and verified / answered,
 * those done by the deadline). Leaders and the duty office see every unit's items; anyone else
 * their own unit's.
 */
import type { DeskChart } from "../../../bot/core/desk.ts";
import type { Chart } from "../../../bot/core/message.ts";
import { monthsUpTo } from "../../office/months.ts";
import { seesEverything } from "../../office/oversight.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { type ItemUnitStatistics, itemStatistics, loadItemStatistics } from "../queries/item-statistics.ts";
import { opinionDeskMessages as M } from "./messages.ts";

export const OPINION_IN_TIME_CHART = "opinion-in-time";

/** Months the chart covers, this one included. */
export const CHART_MONTHS = 6;

/** On time out of done, as a whole percentage; null when none was done. */
function share(onTime: number, done: number): number | null {
  return done > 0 ? Math.round((onTime / done) * 100) : null;
}

/** One month's figures summed over the units. */
export function monthShares(rows: readonly ItemUnitStatistics[]): {
  verify: number | null;
  respond: number | null;
} {
  const sum = (key: keyof Omit<ItemUnitStatistics, "unitId">) => rows.reduce((n, r) => n + r[key], 0);
  return {
    verify: share(sum("verifiedOnTime"), sum("verified")),
    respond: share(sum("respondedOnTime"), sum("responded")),
  };
}

export function inTimeChart(
  months: readonly { month: number; rows: readonly ItemUnitStatistics[] }[],
): Chart {
  const shares = months.map((m) => monthShares(m.rows));
  return {
    kind: "line",
    title: M.chartTitle,
    categories: months.map((m) => M.month(m.month)),
    series: [
      { name: M.chartVerify, values: shares.map((s) => s.verify) },
      { name: M.chartRespond, values: shares.map((s) => s.respond) },
    ],
    unit: "%",
  };
}

export function inTimeDeskChart({ office }: OpinionSetting): DeskChart {
  return {
    id: OPINION_IN_TIME_CHART,
    order: 40,
    async load({ services, viewer, now }) {
      const unitId = seesEverything(viewer) ? undefined : viewer.unit;
      const months = monthsUpTo(now, CHART_MONTHS, office.timezone);
      const loaded = await Promise.all(
        months.map(async (span) => ({
          month: span.month,
          rows: itemStatistics([], await loadItemStatistics(services.database, span, unitId)),
        })),
      );
      return inTimeChart(loaded);
    },
  };
}
