/** The 舆情 field of the 统计 card (per unit: 舆情, 核实按时, 回应按时); 无 when there is nothing. Pure. */
import type { CardField } from "../../../bot/core/message.ts";
import type { ItemUnitStatistics } from "./item-statistics.ts";
import { opinionQueryMessages as M } from "./messages.ts";

/** `青山镇：舆情 2 件，核实按时 1/2，回应按时 0/1`, one line per unit. */
export function itemStatisticsField(
  rows: readonly ItemUnitStatistics[],
  unitName: (unitId: string) => string,
  label: string = M.statisticsLabel,
): CardField {
  const lines = rows.map((s) => M.statisticsLine(unitName(s.unitId), s));
  return { label, value: lines.length > 0 ? lines.join("\n") : M.none };
}
