/**
 * The overdue sweep's query: every open part whose deadline has passed, oldest deadline first, with
 * the task's number, content and assigner — what a 督办 round, a rebuild of the overdue timers, the
 * 日报 and the ledger need. Reads the (closed_at, due_at) index: open parts only, by deadline.
 */
import type { PrismaClient } from "../../../store/generated/client.ts";
import type { SupervisionPart } from "../task-types.ts";

/** An overdue part with what a notice about it names. */
export type OverduePart = SupervisionPart & {
  task: { id: number; number: string; content: string; assignerId: string; dueAt: Date };
};

/** Open parts with `dueAt <= now` (逾期 the moment the deadline is reached, as partStatus reads it). */
export function overdueParts(prisma: PrismaClient, now: Date): Promise<OverduePart[]> {
  return prisma.supervisionPart.findMany({
    where: { closedAt: null, dueAt: { lte: now } },
    include: { task: { select: { id: true, number: true, content: true, assignerId: true, dueAt: true } } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
  });
}
