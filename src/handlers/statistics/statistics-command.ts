/**
 * 统计 本周|本月|上月|2026-03|今年: per-unit reporting statistics with a chart of on-time rates.
 * Duty officers, directors and leaders see every reporting unit; anyone else their own unit.
 */
import type { Command } from "../../bot/core/capability.ts";
import type { Card } from "../../bot/core/message.ts";
import type { BotServices } from "../../bot/core/services.ts";
import { itemStatistics, loadItemStatistics } from "../opinion/queries/item-statistics.ts";
import { itemStatisticsField } from "../opinion/queries/item-statistics-field.ts";
import { opinionQueryMessages } from "../opinion/queries/messages.ts";
import { overseesAll } from "../queries/incident-access.ts";
import { taskQueryMessages } from "../supervision/queries/messages.ts";
import { loadTaskStatistics, taskStatistics } from "../supervision/queries/task-statistics.ts";
import { taskStatisticsField } from "../supervision/queries/task-statistics-fields.ts";
import { statisticsMessages as M } from "./messages.ts";
import { type Period, parsePeriod } from "./period.ts";
import { reportingUnits } from "./reporting-units.ts";
import { statisticsCard } from "./statistics-card.ts";
import { loadStatisticsFacts } from "./statistics-facts.ts";
import { totalStatistics, unitStatistics } from "./unit-statistics.ts";

/** The statistics card of a period: every reporting unit, or one unit's. */
export async function buildStatisticsCard(
  services: BotServices,
  period: Period,
  unitId?: string,
): Promise<Card> {
  const { database, directory } = services;
  const [facts, tasks, opinions] = await Promise.all([
    loadStatisticsFacts(database, period, unitId),
    loadTaskStatistics(database, period, services.clock.now(), unitId),
    loadItemStatistics(database, period, unitId),
  ]);
  const unitIds = unitId === undefined ? reportingUnits(directory) : [unitId];
  const units = unitStatistics(unitIds, facts);
  const card = statisticsCard({
    title:
      unitId === undefined
        ? M.statsTitle(period.label)
        : M.statsOfUnitTitle(directory.unitName(unitId), period.label),
    units,
    total: totalStatistics(facts),
    unitName: (id) => directory.unitName(id),
  });
  // The 督办 section (交办, 按期办结, 逾期, 延期 per unit) after the reporting figures, then 舆情
  // (items, 核实按时, 回应按时 per unit).
  const unitName = (id: string) => directory.unitName(id);
  const taskField = taskStatisticsField(taskStatistics(unitIds, tasks), unitName);
  const opinionField = itemStatisticsField(itemStatistics(unitIds, opinions), unitName);
  return {
    ...card,
    fields: [...card.fields, taskField, opinionField],
    note: `${card.note ?? ""}${taskQueryMessages.statisticsNote}${opinionQueryMessages.statisticsNote}`,
  };
}

/** `timezone`: the office's, in which periods begin and end. */
export const statisticsCommand = (timezone: string): Command => ({
  names: ["统计", "/stats"],
  summary: M.statsSummary,
  async run(ctx, args) {
    const parsed = parsePeriod(args, ctx.services.clock.now(), timezone);
    if (!parsed.ok) return ctx.reply(parsed.reason === "future" ? M.futurePeriod : M.badPeriod);
    const unitId = overseesAll(ctx.person) ? undefined : ctx.person.unit;
    await ctx.reply({ card: await buildStatisticsCard(ctx.services, parsed.period, unitId) });
  },
});
