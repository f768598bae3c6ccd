/**
 * The Scheduler on virtual time: jobs wait in memory until the transcript advances the clock, then
 * run in due order, each seeing the clock at its own due time. Keys behave as in production: a key
 * scheduled twice (or already fired) is not added again; `cancel` removes a waiting one.
 */
import type { JobRunner, ScheduledJob, Scheduler } from "../bot/core/ports.ts";
import type { VirtualClock } from "./virtual-clock.ts";

interface Pending {
  key: string;
  at: number;
  order: number;
  job: ScheduledJob;
}

export class VirtualScheduler implements Scheduler {
  private readonly pending = new Map<string, Pending>();
  private readonly fired = new Set<string>();
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

  /** Keys still waiting, soonest first (for tests and reports). */
  waiting(): { key: string; at: Date }[] {
    return this.sorted().map((p) => ({ key: p.key, at: new Date(p.at) }));
  }

  /**
   * Moves the clock to `until`, running every job that falls due on the way; `afterEach` lets the
   * caller wait for the work a job caused (sends) before the next one runs.
   */
  async advance(until: Date, run: JobRunner, afterEach: () => Promise<void>): Promise<void> {
    for (;;) {
      const next = this.sorted()[0];
      if (!next || next.at > until.getTime()) break;
      this.pending.delete(next.key);
      this.fired.add(next.key);
      this.clock.set(new Date(next.at));
      await run(next.key, next.job);
      await afterEach();
    }
    this.clock.set(until);
  }

  private sorted(): Pending[] {
    return [...this.pending.values()].sort((a, b) => a.at - b.at || a.order - b.order);
  }
}
