/**
 * The Scheduler on virtual time: jobs wait in memory until the transcript advances the clock, then
 * run in due order, each seeing the clock at its own due time. Keys behave as in production: a key
 * scheduled twice (or already fired) is not added again; `cancel` removes a waiting one.
 * Daily recurring entries fire at their local time too, counted from the first time the clock
 * moves after they were reconciled (the transcript sets its start time after the app is built).
 */
import {
  type JobRunner,
  type RecurringEntry,
  type RecurringScheduler,
  recurringRunKey,
  type ScheduledJob,
  type Scheduler,
} from "../bot/core/ports.ts";
import { nextTimeOfDay } from "./transcript-time.ts";
import type { VirtualClock } from "./virtual-clock.ts";

interface Recurring {
  entry: RecurringEntry;
  /** The next due instant, set when virtual time first moves. */
  next?: number;
}

interface Pending {
  key: string;
  at: number;
  order: number;
  job: ScheduledJob;
}

export class VirtualScheduler implements Scheduler, RecurringScheduler {
  private readonly pending = new Map<string, Pending>();
  private readonly fired = new Set<string>();
  private recurring = new Map<string, Recurring>();
  private timeZone = "UTC";
  private order = 0;

  constructor(private readonly clock: VirtualClock) {}

  async schedule(key: string, at: Date, job: ScheduledJob): Promise<void> {
    if (this.pending.has(key) || this.fired.has(key)) return;
    this.order += 1;
    this.pending.set(key, {
      key,
      at: Math.max(at.getTime(), this.clock.now().getTime()),
      order: this.order,
      job,
    });
  }

  async cancel(key: string): Promise<void> {
    this.pending.delete(key);
  }

  async reconcile(entries: readonly RecurringEntry[], timeZone: string): Promise<void> {
    this.timeZone = timeZone;
    this.recurring = new Map(entries.map((entry) => [entry.id, { entry }]));
  }

  /** Ids of the recurring entries (for tests). */
  recurringIds(): string[] {
    return [...this.recurring.keys()];
  }

  /** Keys still waiting, soonest first (for tests and reports). */
  waiting(): { key: string; at: Date }[] {
    return this.sorted().map((p) => ({ key: p.key, at: new Date(p.at) }));
  }

  /**
   * Moves the clock to `until`, running every job that falls due on the way; `afterEach` lets the
   * caller wait for the work a job caused (sends) before the next one runs.
   */
  async advance(until: Date, run: JobRunner, afterEach: () => Promise<void>): Promise<void> {
    for (const r of this.recurring.values())
      r.next ??= this.nextOccurrence(r.entry, this.clock.now().getTime());
    for (;;) {
      const next = this.sorted()[0];
      const daily = this.nextRecurring();
      if (daily?.next !== undefined && daily.next <= until.getTime() && (!next || daily.next < next.at)) {
        const at = daily.next;
        daily.next = this.nextOccurrence(daily.entry, at);
        this.clock.set(new Date(at));
        const { job } = daily.entry;
        await run(recurringRunKey(daily.entry.id, new Date(at)), {
          name: job.name,
          data: { ...job.data, dueAt: new Date(at).toISOString() },
        });
        await afterEach();
        continue;
      }
      if (!next || next.at > until.getTime()) break;
      this.pending.delete(next.key);
      this.fired.add(next.key);
      this.clock.set(new Date(next.at));
      await run(next.key, next.job);
      await afterEach();
    }
    this.clock.set(until);
  }

  private nextRecurring(): Recurring | undefined {
    let soonest: Recurring | undefined;
    for (const r of this.recurring.values())
      if (r.next !== undefined && (soonest?.next === undefined || r.next < soonest.next)) soonest = r;
    return soonest;
  }

  /** The first instant after `from` at which the entry's local time comes round. */
  private nextOccurrence(entry: RecurringEntry, from: number): number | undefined {
    return nextTimeOfDay(entry, new Date(from), this.timeZone)?.getTime();
  }

  private sorted(): Pending[] {
    return [...this.pending.values()].sort((a, b) => a.at - b.at || a.order - b.order);
  }
}
