/**
 * The 督办 section of the 日报: parts due today (open, deadline later today), overdue parts (open,
 * deadline passed) and parts waiting for 确认办结 (申请办结 sent, not yet closed). Reads the open
 * parts by the (closed_at, due_at) index; the section itself is drawn by task-digest-fields.ts.
 */
import { addCivilDays } from "../../../bot/core/wall-clock.ts";
import type { PrismaClient } from "../../../store/generated/client.ts";
import { localDay, startOfDay } from "../../office/days.ts";

/** One unit's part as a digest line names it. */
export interface DigestPart {
  unitId: string;
  role: string;
  dueAt: Date;
  closeRequestedAt: Date | null;
  task: { number: string; content: string };
}

export interface TaskDigestFacts {
  /** Open, due later today (local day of `now`), nearest first. */
  dueToday: DigestPart[];
  /** Open, deadline passed, oldest deadline first. */
  overdue: DigestPart[];
  /** 申请办结 waiting for the assigner, oldest request first. */
  closePending: DigestPart[];
}

const COLUMNS = {
  unitId: true,
  role: true,
  dueAt: true,
  closeRequestedAt: true,
  task: { select: { number: true, content: true } },
} as const;

export async function loadTaskDigestFacts(
  prisma: PrismaClient,
  now: Date,
  timeZone: string,
): Promise<TaskDigestFacts> {
  const tomorrow = startOfDay(addCivilDays(localDay(now, timeZone), 1), timeZone);
  const [dueToday, overdue, closePending] = await Promise.all([
    prisma.supervisionPart.findMany({
      where: { closedAt: null, dueAt: { gt: now, lt: tomorrow } },
      select: COLUMNS,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    }),
    prisma.supervisionPart.findMany({
      where: { closedAt: null, dueAt: { lte: now } },
      select: COLUMNS,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    }),
    prisma.supervisionPart.findMany({
      where: { closedAt: null, closeRequestedAt: { not: null } },
      select: COLUMNS,
      orderBy: [{ closeRequestedAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return { dueToday, overdue, closePending };
}
