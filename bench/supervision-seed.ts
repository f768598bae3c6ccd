/**
 * 督办 tasks in bulk for the supervision bench, in `INSERT … SELECT` statements (Prisma's createMany
 * costs about a millisecond a row on PGlite): each task with a 牵头 and a 配合 part for two of the
 * synthetic office's units, signed an hour after it was assigned.
 */
import type { PrismaClient } from "../src/store/generated/client.ts";

export interface TaskBatch {
  /** Distinguishes the batch's numbers and source keys. */
  name: string;
  count: number;
  /** Units the parts are spread over (`bench-unit-0` … `bench-unit-<units-1>`). */
  units: number;
  /** Assigned this long before `base`. */
  assignedBeforeMs: number;
  /** Deadlines spread evenly from `base + firstDueMs` to `base + lastDueMs`. */
  firstDueMs: number;
  lastDueMs: number;
  /** Closed tasks (history): closed an hour before their deadline. */
  closed: boolean;
}

/** A timestamp literal as the tables hold it (UTC, no zone). */
function literal(at: Date): string {
  return `'${at.toISOString().replace("T", " ").replace("Z", "")}'::timestamp`;
}

/** Puts `batch.count` tasks and two parts each on file; returns the parts written. */
export async function seedTaskBatch(prisma: PrismaClient, base: Date, batch: TaskBatch): Promise<number> {
  const n = batch.count;
  const span = (batch.lastDueMs - batch.firstDueMs) / Math.max(1, n - 1);
  const created = literal(new Date(base.getTime() - batch.assignedBeforeMs));
  const firstDue = literal(new Date(base.getTime() + batch.firstDueMs));
  const status = batch.closed ? "'closed'" : "'open'";
  await prisma.$executeRawUnsafe(`
    INSERT INTO supervision_task (number, source_key, content, assigner_id, chat_id, created_at, due_at, status, closed_at)
    SELECT 'D2026-${batch.name}' || lpad(g::text, 6, '0'), 'bench-${batch.name}-' || g,
           '压测督办事项 ' || g || '：报送防汛物资储备情况并附整改清单', 'bench-leader-1', 'bench-leaders',
           ${created}, ${firstDue} + (g - 1) * ${span} * interval '1 millisecond', ${status},
           CASE WHEN ${batch.closed} THEN ${firstDue} + (g - 1) * ${span} * interval '1 millisecond' - interval '1 hour' END
    FROM generate_series(1, ${n}) AS g`);
  const parts = await prisma.$executeRawUnsafe(`
    INSERT INTO supervision_part (task_id, unit_id, role, due_at, notified_at, signed_at, signed_by, closed_at, closed_by)
    SELECT t.id, 'bench-unit-' || ((t.id + r.k) % ${batch.units}), r.role, t.due_at, t.created_at,
           t.created_at + interval '1 hour', 'bench-p-0-0', t.closed_at,
           CASE WHEN t.closed_at IS NULL THEN NULL ELSE 'bench-leader-1' END
    FROM supervision_task t CROSS JOIN (VALUES (0, 'lead'), (1, 'assist')) AS r(k, role)
    WHERE t.source_key LIKE 'bench-${batch.name}-%'`);
  return parts;
}
