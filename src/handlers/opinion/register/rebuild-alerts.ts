/**
 * The alerts still to send, from the database: every open item not yet alerted is handed to the
 * alert job again under its key (a crash between filing and scheduling, or Redis lost its jobs).
 * The job sends once: it finds the item alerted once it has run.
 */
import type { BotServices } from "../../../bot/core/services.ts";
import { scheduleAlert } from "../item-timers.ts";

export async function rebuildAlerts(services: BotServices): Promise<void> {
  const pending = await services.database.opinionItem.findMany({
    where: { status: "open", alertedAt: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const now = services.clock.now();
  for (const { id } of pending) await scheduleAlert(services.scheduler, id, now);
}
