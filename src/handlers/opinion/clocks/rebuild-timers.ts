/**
 * Puts back the clocks of every open 舆情 item from the database, under the keys they were first
 * scheduled with, and only what has not happened yet (the alert never sent is register/'s to put
 * back: rebuild-alerts.ts): for each stage not done, the reminder while its time is ahead — or at once when its
 * time passed unsent (no `reminded` step for the stage) and the deadline is still ahead — and the
 * escalation round after those on file (`verifyNotices`/`respondNotices`; at once when due).
 * Same keys, so with Redis intact nothing is added twice.
 */
import type { BotServices } from "../../../bot/core/services.ts";
import type { OpinionPolicy } from "../../../config/opinion-policy.ts";
import { armItemTimers, remindAt, scheduleRemind } from "../item-timers.ts";
import { OpinionStore } from "../opinion-store.ts";
import { OPINION_STAGES } from "../opinion-types.ts";
import { stageDone, stageDue } from "../rules/item-state.ts";
import { remindedFor } from "./live-item.ts";

export async function rebuildOpinionTimers(services: BotServices, rules: OpinionPolicy): Promise<void> {
  const { database, scheduler, clock } = services;
  const now = clock.now();
  const store = new OpinionStore(database);
  const items = await store.open();
  const reminded = await store.eventsOf(
    items.map((i) => i.id),
    ["reminded"],
  );
  for (const item of items) {
    await armItemTimers(scheduler, rules, item, now);
    for (const stage of OPINION_STAGES) {
      if (stageDone(item, stage)) continue;
      const remind = remindAt(item, stage, rules);
      const missed =
        remind !== null &&
        remind.getTime() <= now.getTime() &&
        stageDue(item, stage).getTime() > now.getTime() &&
        !reminded.some((e) => e.itemId === item.id && remindedFor(e, stage));
      if (missed) await scheduleRemind(scheduler, item.id, stage, now);
    }
  }
}
