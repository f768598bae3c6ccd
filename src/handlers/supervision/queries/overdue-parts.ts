/**
 * The overdue sweep's query: every open part whose deadline has passed, oldest deadline first, with
 * what a 督办 round or a rebuild of the overdue timers needs: the part's clock fields (as
 * armPartTimers and scheduleOverdueRound take them) and its task's id, number and 交办 time (a job
 * that fires re-reads the rest). One joined statement on the (closed_at, due_at) index — open parts
 * only, by deadline — and only these columns: the target is 10,000 open tasks in ≤ 2 s
 * (bench: BENCH_ONLY=supervision).
 */
import type { PrismaClient } from "../../../store/generated/client.ts";
import type { SupervisionPart } from "../task-types.ts";

/** An overdue part: the fields the clocks and the notices read, and its task's. */
export type OverduePart = Pick<
  SupervisionPart,
  | "id"
  | "taskId"
  | "unitId"
  | "role"
  | "dueAt"
  | "notifiedAt"
  | "signedAt"
  | "lastProgressAt"
  | "closedAt"
  | "overdueAt"
  | "overdueNotices"
> & {
  task: { id: number; number: string; createdAt: Date };
};

interface Row {
  id: number;
  task_id: number;
  unit_id: string;
  role: string;
  due_at: Date;
  notified_at: Date | null;
  signed_at: Date | null;
  last_progress_at: Date | null;
  overdue_at: Date | null;
  overdue_notices: number;
  number: string;
  created_at: Date;
}

/** Open parts with `dueAt <= now` (逾期 the moment the deadline is reached, as partStatus reads it). */
export async function overdueParts(prisma: PrismaClient, now: Date): Promise<OverduePart[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT p.id, p.task_id, p.unit_id, p.role, p.due_at, p.notified_at, p.signed_at, p.last_progress_at,
           p.overdue_at, p.overdue_notices, t.number, t.created_at
    FROM supervision_part p JOIN supervision_task t ON t.id = p.task_id
    WHERE p.closed_at IS NULL AND p.due_at <= ${now}
    ORDER BY p.due_at, p.id`;
  return rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    unitId: r.unit_id,
    role: r.role,
    dueAt: r.due_at,
    notifiedAt: r.notified_at,
    signedAt: r.signed_at,
    lastProgressAt: r.last_progress_at,
    closedAt: null,
    overdueAt: r.overdue_at,
    overdueNotices: r.overdue_notices,
    task: { id: r.task_id, number: r.number, createdAt: r.created_at },
  }));
}
