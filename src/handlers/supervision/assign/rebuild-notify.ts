/**
 * After Redis lost its data (or at start): the task card is handed again to the notify job for
 * every open part the database shows as not yet notified (same key: a job still queued is not
 * added twice). The parts' other clocks are clocks/'s to rebuild.
 */
import type { BotServices } from "../../../bot/core/services.ts";
import { scheduleNotify } from "../clocks/part-timers.ts";

export async function rebuildNotify(services: BotServices): Promise<void> {
  const { database, scheduler, clock } = services;
  const parts = await database.supervisionPart.findMany({
    where: { notifiedAt: null, closedAt: null, task: { status: "open" } },
    select: { id: true },
  });
  const now = clock.now();
  for (const part of parts) await scheduleNotify(scheduler, part.id, now);
}
