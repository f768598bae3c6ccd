/**
 * A Scheduler that passes every call on and counts what was scheduled by job name, so a timer
 * rebuild can say how many timers of each kind it put back.
 */
import type { ScheduledJob, Scheduler, TimerCounts } from "./ports.ts";

export class CountingScheduler implements Scheduler {
  readonly counts: TimerCounts = {};

  constructor(private readonly inner: Scheduler) {}

  async schedule(key: string, at: Date, job: ScheduledJob): Promise<void> {
    await this.inner.schedule(key, at, job);
    this.counts[job.name] = (this.counts[job.name] ?? 0) + 1;
  }

  cancel(key: string): Promise<void> {
    return this.inner.cancel(key);
  }
}
