/** Reminder pauses of groups (`reminder_pause` rows): a pause is active from `from` until `until` unless ended. */
import type { PrismaClient } from "../../store/generated/client.ts";

const activeAt = (now: Date) => ({ endedAt: null, from: { lte: now }, until: { gt: now } });

/** Of `chatIds`, those whose reminders are paused at `now`. */
export async function pausedChats(
  prisma: PrismaClient,
  chatIds: readonly string[],
  now: Date,
): Promise<Set<string>> {
  if (chatIds.length === 0) return new Set();
  const rows = await prisma.reminderPause.findMany({
    where: { chatId: { in: [...chatIds] }, ...activeAt(now) },
    select: { chatId: true },
  });
  return new Set(rows.map((r) => r.chatId));
}

/** Pauses a chat's reminders; an active pause of the chat is replaced. */
export async function pauseChat(
  prisma: PrismaClient,
  chatId: string,
  pausedBy: string,
  now: Date,
  until: Date,
): Promise<void> {
  await prisma.$transaction([
    prisma.reminderPause.updateMany({ where: { chatId, ...activeAt(now) }, data: { endedAt: now } }),
    prisma.reminderPause.create({ data: { chatId, pausedBy, from: now, until } }),
  ]);
}

/** Ends the chat's active pause; false when there was none. */
export async function resumeChat(prisma: PrismaClient, chatId: string, now: Date): Promise<boolean> {
  const { count } = await prisma.reminderPause.updateMany({
    where: { chatId, ...activeAt(now) },
    data: { endedAt: now },
  });
  return count > 0;
}
