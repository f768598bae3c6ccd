/**
 * The app's timer rebuild: the recurring schedules applied again from the config, then every
 * capability's pending timers and the dialogs' idle timers scheduled again from the database, all
 * under their usual keys. Run at start and by the Redis watcher when Redis lost its data; logs how
 * many timers of each kind it scheduled (a timer still on the queue counts, but is not added twice).
 */
import type { Logger } from "pino";
import type { Capability } from "../bot/core/capability.ts";
import { CountingScheduler } from "../bot/core/counting-scheduler.ts";
import type { RecurringEntry, RecurringScheduler, TimerCounts, TimerRebuild } from "../bot/core/ports.ts";
import type { BotServices } from "../bot/core/services.ts";

export class AppTimerRebuild implements TimerRebuild {
  private running: Promise<TimerCounts> | undefined;

  constructor(
    private readonly parts: {
      capabilities: readonly Capability[];
      services: BotServices;
      /** The dialogs' idle timers are scheduled again by the dialog engine. */
      dialogs: { rebuildTimers(services: BotServices): Promise<void> };
      /** The office's time zone, in which the recurring schedules run. */
      timezone: string;
      log: Logger;
      recurring?: RecurringScheduler;
      recurringEntries: readonly RecurringEntry[];
    },
  ) {}

  /** One rebuild at a time: a second call while one runs waits for it and runs again after. */
  async rebuild(reason: string): Promise<TimerCounts> {
    const previous = this.running;
    const next = (async () => {
      await previous?.catch(() => undefined);
      return this.run(reason);
    })();
    this.running = next;
    return next;
  }

  private async run(reason: string): Promise<TimerCounts> {
    const { capabilities, services, dialogs, timezone, log, recurring, recurringEntries } = this.parts;
    await recurring?.reconcile(recurringEntries, timezone);
    const scheduler = new CountingScheduler(services.scheduler);
    const counting = { ...services, scheduler };
    for (const capability of capabilities) await capability.rebuildTimers?.(counting);
    await dialogs.rebuildTimers(counting);
    log.info(
      { reason, timers: scheduler.counts, recurring: recurringEntries.length },
      "rebuilt the pending timers from the database",
    );
    return scheduler.counts;
  }
}
