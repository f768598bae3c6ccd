/**
 * 舆情 figures per unit for a period (统计, and the 舆情日报 for its day):
 * - 舆情: items registered in the period with the unit responsible;
 * - 核实按时: of those verified, how many by the 核实 deadline (stageOnTime);
 * - 回应按时: of those answered, how many by the 回应 deadline.
 * The reading is in loadItemStatistics; the counting (pure) in itemStatistics.
 */
import type { PrismaClient } from "../../../store/generated/client.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { stageOnTime } from "../rules/item-state.ts";

export type StatisticsItem = Pick<
  OpinionItem,
  "unitId" | "verifiedAt" | "respondedAt" | "verifyDueAt" | "respondDueAt"
>;

export interface ItemUnitStatistics {
  unitId: string;
  items: number;
  verified: number;
  verifiedOnTime: number;
  responded: number;
  respondedOnTime: number;
}

/** The items registered in `[from, to)`; one unit's when `unitId` is given. */
export function loadItemStatistics(
  prisma: PrismaClient,
  period: { from: Date; to: Date },
  unitId?: string,
): Promise<StatisticsItem[]> {
  return prisma.opinionItem.findMany({
    where: { registeredAt: { gte: period.from, lt: period.to }, ...(unitId === undefined ? {} : { unitId }) },
    select: { unitId: true, verifiedAt: true, respondedAt: true, verifyDueAt: true, respondDueAt: true },
    orderBy: { id: "asc" },
  });
}

/**
 * One row per unit with items: the `units` given first (in their order), then any other unit with
 * items; units without items are left out.
 */
export function itemStatistics(
  units: readonly string[],
  items: readonly StatisticsItem[],
): ItemUnitStatistics[] {
  const ids = [...units];
  for (const item of items) if (!ids.includes(item.unitId)) ids.push(item.unitId);
  return ids
    .map((unitId) => {
      const mine = items.filter((i) => i.unitId === unitId);
      const verify = mine.map((i) => stageOnTime(i, "verify")).filter((v) => v !== null);
      const respond = mine.map((i) => stageOnTime(i, "respond")).filter((v) => v !== null);
      return {
        unitId,
        items: mine.length,
        verified: verify.length,
        verifiedOnTime: verify.filter(Boolean).length,
        responded: respond.length,
        respondedOnTime: respond.filter(Boolean).length,
      };
    })
    .filter((s) => s.items > 0);
}
