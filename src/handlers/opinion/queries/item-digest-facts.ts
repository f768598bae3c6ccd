/**
 * What the 日报's 舆情 section (and the 舆情日报) reads: the items registered in the window (新增),
 * the open ones (在办), and the open ones whose 回应 deadline has passed without an answer (回应超时),
 * as of the window's end.
 */
import type { PrismaClient } from "../../../store/generated/client.ts";
import type { OpinionItem } from "../opinion-types.ts";

export interface ItemDigestFacts {
  /** Registered in the window, in their order of registration. */
  registered: OpinionItem[];
  /** Open, the nearest 回应 deadline first. */
  open: OpinionItem[];
  /** Open and not answered at or after the 回应 deadline, the oldest deadline first. */
  overdue: OpinionItem[];
}

export async function loadItemDigestFacts(
  prisma: PrismaClient,
  window: { from: Date; to: Date },
): Promise<ItemDigestFacts> {
  const [registered, open, overdue] = await Promise.all([
    prisma.opinionItem.findMany({
      where: { registeredAt: { gte: window.from, lt: window.to } },
      orderBy: [{ registeredAt: "asc" }, { id: "asc" }],
    }),
    prisma.opinionItem.findMany({
      where: { status: "open" },
      orderBy: [{ respondDueAt: "asc" }, { id: "asc" }],
    }),
    prisma.opinionItem.findMany({
      where: { status: "open", respondedAt: null, respondDueAt: { lte: window.to } },
      orderBy: [{ respondDueAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return { registered, open, overdue };
}
