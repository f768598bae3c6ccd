/**
 * The shared half of polling read status on platforms that push no reads: which sent messages are
 * watched (cards and urgent messages of the last 7 days, oldest checked first), and how a poll's
 * readers are added to `SentMessage.readBy` (only recipients count; a reader is never taken back).
 */
import type { DatabaseClient } from "../../core/services.ts";

const WEEK_MS = 7 * 86_400_000;

/** A platform's watched messages, the least recently checked first, at most 200. */
export function watchedMessages(prisma: DatabaseClient, platform: string, now: Date) {
  return prisma.sentMessage.findMany({
    // Messages nobody is expected to read (plain texts) are never checked, so they are not fetched:
    // left unchecked, they would stay first in this order and crowd out the cards.
    where: {
      platform,
      sentAt: { gte: new Date(now.getTime() - WEEK_MS) },
      NOT: { recipients: { equals: [] } },
    },
    orderBy: { readCheckedAt: { sort: "asc", nulls: "first" } },
    take: 200,
  });
}

/**
 * Stores who has read a message after a poll: those who had, and the recipients among `readers`
 * (org-file ids). Resolves with the new list.
 */
export async function recordReaders(
  prisma: DatabaseClient,
  row: { id: number; recipients: readonly string[]; readBy: readonly string[] },
  readers: readonly string[],
  now: Date,
): Promise<string[]> {
  const next = row.recipients.filter((id) => row.readBy.includes(id) || readers.includes(id));
  await prisma.sentMessage.update({
    where: { id: row.id },
    data: { readBy: next, readCheckedAt: now },
  });
  return next;
}
