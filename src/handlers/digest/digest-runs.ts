/** Scheduled digests on file: where the next one starts, and a record per sent one (once per job). */
import type { PrismaClient } from "../../store/generated/client.ts";

export async function lastDigestAt(prisma: PrismaClient): Promise<Date | null> {
  const last = await prisma.digestRun.findFirst({ orderBy: { sentAt: "desc" }, select: { sentAt: true } });
  return last?.sentAt ?? null;
}

/** The job's earlier run, if it already recorded one (a re-run job covers the same window). */
export function digestRunOf(prisma: PrismaClient, key: string) {
  return prisma.digestRun.findUnique({ where: { key } });
}

export async function recordDigestRun(
  prisma: PrismaClient,
  run: { key: string; chats: string[]; windowFrom: Date; sentAt: Date },
): Promise<void> {
  await prisma.digestRun.upsert({ where: { key: run.key }, create: run, update: {} });
}
