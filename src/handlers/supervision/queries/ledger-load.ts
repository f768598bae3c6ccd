/**
 * Reads the open tasks the 督办 ledger lists: every open task (leaders, the duty office), or those
 * where one unit's part is still open (showing that unit's part only); with `overdueOnly`, only those
 * with an open part past its deadline. Only the columns a line shows are read.
 */
import type { Prisma, PrismaClient } from "../../../store/generated/client.ts";
import type { LedgerTask } from "./ledger-lines.ts";

export interface LedgerQuery {
  /** One unit's ledger; every unit's when absent. */
  unitId?: string;
  overdueOnly: boolean;
  now: Date;
}

const PART_COLUMNS = {
  unitId: true,
  role: true,
  dueAt: true,
  signedAt: true,
  extensionDueAt: true,
  closeRequestedAt: true,
  closedAt: true,
} as const;

export async function loadLedger(prisma: PrismaClient, query: LedgerQuery): Promise<LedgerTask[]> {
  const late = query.overdueOnly ? { dueAt: { lte: query.now } } : {};
  const unit = query.unitId === undefined ? {} : { unitId: query.unitId };
  const openPart: Prisma.SupervisionPartWhereInput = { ...unit, closedAt: null, ...late };
  const needsPart = query.unitId !== undefined || query.overdueOnly;
  return prisma.supervisionTask.findMany({
    where: { status: "open", ...(needsPart ? { parts: { some: openPart } } : {}) },
    select: {
      number: true,
      content: true,
      dueAt: true,
      parts: { where: unit, select: PART_COLUMNS, orderBy: { id: "asc" } },
    },
  });
}
