/**
 * The RecurringScheduler on BullMQ job schedulers: one scheduler per entry (`daily-<id>`) with a
 * cron pattern in the policy's time zone; schedulers of ours that the config no longer lists are
 * removed. The jobs they produce run on the ordinary jobs queue and worker.
 */
import type { Queue } from "bullmq";
import type { RecurringEntry, RecurringScheduler } from "../bot/core/ports.ts";
import { DEFAULT_JOB_RETRY, type QueuedJob, scheduledJobOptions } from "./bullmq-scheduler.ts";
import { safeJobId } from "./queue-names.ts";

const SCHEDULER_PREFIX = "daily-";

export function recurringSchedulerId(entryId: string): string {
  return safeJobId(`${SCHEDULER_PREFIX}${entryId}`);
}

export class BullmqRecurring implements RecurringScheduler {
  constructor(private readonly queue: Queue<QueuedJob>) {}

  async reconcile(entries: readonly RecurringEntry[], timeZone: string): Promise<void> {
    const wanted = new Set<string>();
    for (const entry of entries) {
      const id = recurringSchedulerId(entry.id);
      wanted.add(id);
      await this.queue.upsertJobScheduler(
        id,
        { pattern: `${entry.minute} ${entry.hour} * * *`, tz: timeZone },
        {
          name: entry.job.name,
          data: { ...entry.job, key: `${SCHEDULER_PREFIX}${entry.id}` },
          opts: scheduledJobOptions(DEFAULT_JOB_RETRY),
        },
      );
    }
    for (const scheduler of await this.existing())
      if (!wanted.has(scheduler)) await this.queue.removeJobScheduler(scheduler);
  }

  /** Ids of our schedulers now on the queue. */
  async existing(): Promise<string[]> {
    const count = await this.queue.getJobSchedulersCount();
    const all = count > 0 ? await this.queue.getJobSchedulers(0, count - 1) : [];
    const ours = recurringSchedulerId("");
    return all.map((s) => s.key).filter((key) => key.startsWith(ours));
  }
}
