/**
 * 督办 figures per unit for a period (统计) and the overdue tasks by unit (通报):
 * - 交办: parts of tasks assigned in the period;
 * - 按期办结: of those, closed at or before the deadline as assigned, with no extension;
 * - 延期: of those, with an extension granted;
 * - 按期办结率 = 按期办结 ÷ 交办;
 * - 逾期: parts overdue at some time in the period — marked overdue (`overdueAt`), or not closed by
 *   their deadline (open, or closed after it) — before the period's end (or now), and not closed
 *   before it began. A part still overdue a month later counts in that month too.
 * The reading is in loadTaskStatistics; the counting (pure) in taskStatistics.
 */
import type { PrismaClient } from "../../../store/generated/client.ts";

export interface TaskStatisticsFacts {
  /** Parts of tasks assigned in the period. */
  assigned: { unitId: string; dueAt: Date; closedAt: Date | null; extensions: number }[];
  /** Parts overdue in the period, with the task's number, oldest deadline first. */
  overdue: { unitId: string; number: string }[];
}

export interface TaskUnitStatistics {
  unitId: string;
  assigned: number;
  onTime: number;
  overdue: number;
  extended: number;
  /** on time / assigned; null when nothing was assigned. */
  onTimeRate: number | null;
}

/** The facts for `[from, to)`, as of `now`; one unit's when `unitId` is given. */
export async function loadTaskStatistics(
  prisma: PrismaClient,
  period: { from: Date; to: Date },
  now: Date,
  unitId?: string,
): Promise<TaskStatisticsFacts> {
  const unit = unitId === undefined ? {} : { unitId };
  const end = new Date(Math.min(period.to.getTime(), now.getTime()));
  const dueAt = prisma.supervisionPart.fields.dueAt;
  const [assigned, overdue] = await Promise.all([
    prisma.supervisionPart.findMany({
      where: { ...unit, task: { createdAt: { gte: period.from, lt: period.to } } },
      select: { unitId: true, dueAt: true, closedAt: true, extensions: true },
    }),
    prisma.supervisionPart.findMany({
      where: {
        ...unit,
        AND: [
          { OR: [{ closedAt: null }, { closedAt: { gte: period.from } }] },
          {
            OR: [
              { overdueAt: { lt: end } },
              {
                overdueAt: null,
                dueAt: { lt: end },
                OR: [{ closedAt: null }, { closedAt: { gt: dueAt } }],
              },
            ],
          },
        ],
      },
      select: { unitId: true, task: { select: { number: true } } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return { assigned, overdue: overdue.map((p) => ({ unitId: p.unitId, number: p.task.number })) };
}

/**
 * One row per unit with figures: the `units` given first (in their order), then any other unit
 * with facts; units with nothing assigned and nothing overdue are left out.
 */
export function taskStatistics(units: readonly string[], facts: TaskStatisticsFacts): TaskUnitStatistics[] {
  const ids = [...units];
  for (const row of [...facts.assigned, ...facts.overdue])
    if (!ids.includes(row.unitId)) ids.push(row.unitId);
  return ids
    .map((unitId) => {
      const mine = facts.assigned.filter((p) => p.unitId === unitId);
      const onTime = mine.filter(
        (p) => p.closedAt !== null && p.extensions === 0 && p.closedAt.getTime() <= p.dueAt.getTime(),
      ).length;
      return {
        unitId,
        assigned: mine.length,
        onTime,
        overdue: facts.overdue.filter((p) => p.unitId === unitId).length,
        extended: mine.filter((p) => p.extensions > 0).length,
        onTimeRate: mine.length > 0 ? onTime / mine.length : null,
      };
    })
    .filter((s) => s.assigned > 0 || s.overdue > 0);
}
