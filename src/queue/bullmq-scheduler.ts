/**
 * The production Scheduler: BullMQ delayed jobs with the key as job id, so scheduling the same key
 * twice adds one job. Completed jobs are kept a day, which keeps a re-schedule of a fired key a no-op.
 */
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Clock, ScheduledJob, Scheduler } from "../bot/core/ports.ts";
import { JOBS_QUEUE, safeJobId } from "./queue-names.ts";

export const JOB_ATTEMPTS = 5;

/** How a failing job is retried: `attempts` runs in all, the first wait `backoffMs`, doubling. */
export interface JobRetryPolicy {
  attempts: number;
  backoffMs: number;
}

export const DEFAULT_JOB_RETRY: JobRetryPolicy = { attempts: JOB_ATTEMPTS, backoffMs: 2000 };

/** Options of every scheduled job, one-off or recurring: retries, and how long finished jobs are kept. */
export function scheduledJobOptions(retry: JobRetryPolicy) {
  return {
    attempts: retry.attempts,
    backoff: { type: "exponential", delay: retry.backoffMs, jitter: 0.3 },
    removeOnComplete: { age: 86_400 },
    removeOnFail: { age: 30 * 86_400 },
  };
}

/** A scheduled job as stored on the queue: the key it was scheduled under travels with it. */
export interface QueuedJob extends ScheduledJob {
  key: string;
}

export class BullmqScheduler implements Scheduler {
  readonly queue: Queue<QueuedJob>;

  constructor(
    connection: Redis,
    prefix: string,
    private readonly clock: Clock,
    private readonly retry: JobRetryPolicy = DEFAULT_JOB_RETRY,
  ) {
    this.queue = new Queue<QueuedJob>(JOBS_QUEUE, { connection, prefix });
  }

  async schedule(key: string, at: Date, job: ScheduledJob): Promise<void> {
    const delay = Math.max(0, at.getTime() - this.clock.now().getTime());
    await this.queue.add(
      job.name,
      { ...job, key },
      {
        jobId: safeJobId(key),
        delay,
        ...scheduledJobOptions(this.retry),
      },
    );
  }

  async cancel(key: string): Promise<void> {
    const job = await this.queue.getJob(safeJobId(key));
    if (!job) return;
    const state = await job.getState();
    if (state === "delayed" || state === "waiting" || state === "prioritized") await job.remove();
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
