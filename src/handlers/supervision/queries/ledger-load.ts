/**
 * Reads what the 督办 ledger shows: every open task (leaders, the duty office), or those where one
 * unit's part is still open (showing that unit's part only); with `overdueOnly`, only those with an
 * open part past its deadline. The database counts them and picks the first `limit` in the ledger's
 * order (overdue first, then the nearest open deadline, then the number); only those are read with
 * their parts, so a county's 2,000 open tasks answer as fast as twenty.
 */
import { Prisma, type PrismaClient } from "../../../store/generated/client.ts";
import { type LedgerTask, sortLedger } from "./ledger-lines.ts";

export interface LedgerQuery {
  /** One unit's ledger; every unit's when absent. */
  unitId?: string;
  overdueOnly: boolean;
  now: Date;
  /** How many tasks to read with their parts (the lines shown). */
  limit: number;
}

export interface Ledger {
  /** The first `limit` tasks in the ledger's order, with their database ids. */
  tasks: (LedgerTask & { id: number })[];
  /** How many tasks the ledger has, and how many of them are overdue. */
  total: number;
  overdue: number;
}

/** The part fields the ledger's state and light are read from (the 督办台账 reads them too). */
export const PART_COLUMNS = {
  unitId: true,
  role: true,
  dueAt: true,
  signedAt: true,
  extensionDueAt: true,
  closeRequestedAt: true,
  closedAt: true,
} as const;

interface Head {
  id: number;
  total: bigint;
  overdue_total: bigint;
}

export async function loadLedger(prisma: PrismaClient, query: LedgerQuery): Promise<Ledger> {
  const { now } = query;
  const unit = query.unitId === undefined ? Prisma.empty : Prisma.sql`AND p.unit_id = ${query.unitId}`;
  const onlyLate = query.overdueOnly ? Prisma.sql`HAVING bool_or(p.due_at <= ${now})` : Prisma.empty;
  // Open parts only (the (closed_at, due_at) index): a task is listed while one of its shown parts is open.
  const heads = await prisma.$queryRaw<Head[]>`
    SELECT p.task_id AS id,
           count(*) OVER () AS total,
           sum(CASE WHEN bool_or(p.due_at <= ${now}) THEN 1 ELSE 0 END) OVER () AS overdue_total
    FROM supervision_part p JOIN supervision_task t ON t.id = p.task_id
    WHERE p.closed_at IS NULL ${unit}
    GROUP BY p.task_id, t.number
    ${onlyLate}
    ORDER BY bool_or(p.due_at <= ${now}) DESC, min(p.due_at), t.number
    LIMIT ${query.limit}`;
  const first = heads[0];
  if (!first) return { tasks: [], total: 0, overdue: 0 };
  const tasks = await prisma.supervisionTask.findMany({
    where: { id: { in: heads.map((h) => h.id) } },
    select: {
      id: true,
      number: true,
      content: true,
      dueAt: true,
      parts: {
        where: query.unitId === undefined ? {} : { unitId: query.unitId },
        select: PART_COLUMNS,
        orderBy: { id: "asc" },
      },
    },
  });
  return { tasks: sortLedger(tasks, now), total: Number(first.total), overdue: Number(first.overdue_total) };
}
