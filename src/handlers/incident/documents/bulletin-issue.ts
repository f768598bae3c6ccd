/**
 * The issue (第N期) of an incident's 信息专报: the first time one is made, it takes the next issue of
 * that year (the office's zone) and keeps it in the database, so every later draft of the same
 * incident carries the same number, and 专报 of different incidents never share one.
 */
import { instantToLocal } from "../../../bot/core/wall-clock.ts";
import type { PrismaClient } from "../../../store/generated/client.ts";

export interface BulletinIssue {
  year: number;
  issue: number;
}

/** Two first drafts racing for the same issue: the loser takes the next one. */
const ATTEMPTS = 5;

export async function bulletinIssue(
  prisma: PrismaClient,
  incidentId: number,
  now: Date,
  timeZone: string,
): Promise<BulletinIssue> {
  const year = instantToLocal(now, timeZone).year;
  for (let attempt = 1; ; attempt++) {
    const kept = await prisma.incidentBulletin.findUnique({ where: { incidentId } });
    if (kept) return { year: kept.year, issue: kept.issue };
    const last = await prisma.incidentBulletin.aggregate({ where: { year }, _max: { issue: true } });
    const issue = (last._max.issue ?? 0) + 1;
    try {
      await prisma.incidentBulletin.create({ data: { incidentId, year, issue, createdAt: now } });
      return { year, issue };
    } catch (error) {
      // A unique key was taken meanwhile (this incident's, or this issue): read again.
      if (attempt >= ATTEMPTS) throw error;
    }
  }
}
