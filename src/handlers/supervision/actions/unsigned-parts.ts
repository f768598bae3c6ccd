/** A unit's open parts not yet signed (for a bare 签收 or 收到), oldest first. */
import type { PrismaClient } from "../../../store/generated/client.ts";
import type { FoundPart } from "./found-part.ts";

/** `notifiedOnly`: only parts whose task card has gone out. */
export async function unsignedParts(
  database: PrismaClient,
  unitId: string,
  notifiedOnly = false,
): Promise<FoundPart[]> {
  const rows = await database.supervisionPart.findMany({
    where: {
      unitId,
      signedAt: null,
      closedAt: null,
      task: { status: "open" },
      ...(notifiedOnly && { notifiedAt: { not: null } }),
    },
    include: { task: { include: { parts: { orderBy: { id: "asc" } } } } },
    orderBy: { id: "asc" },
  });
  return rows.map(({ task, ...part }) => ({ part, task }));
}
