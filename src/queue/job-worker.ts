/**
 * Runs fired scheduler jobs through the job registry; invalid jobs fail at once, others retry. A job
 * that fails for good is reported to the duty group once: its reminder or escalation did not happen.
 */
import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { InvalidJobError, type JobRegistry } from "../bot/core/job-registry.ts";
import { operatorNotices } from "../bot/core/replies.ts";
import type { BotServices } from "../bot/core/services.ts";
import type { QueuedJob } from "./bullmq-scheduler.ts";
import { JOBS_QUEUE } from "./queue-names.ts";
import { WORKER_RECOVERY } from "./worker-options.ts";

export function startJobWorker(options: {
  connection: Redis;
  prefix: string;
  registry: JobRegistry;
  services: BotServices;
  /** Where to report a job that failed for good. */
  dutyChatId?: string;
  concurrency?: number;
}): Worker<QueuedJob> {
  const { registry, services } = options;
  const worker = new Worker<QueuedJob>(
    JOBS_QUEUE,
    async (job) => {
      try {
        const occurrence = recurringOccurrence(job);
        await registry.run(services, runKey(job, occurrence), {
          name: job.data.name,
          data: occurrence ? { ...job.data.data, dueAt: occurrence.toISOString() } : job.data.data,
        });
      } catch (error) {
        if (error instanceof InvalidJobError) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 16,
      ...WORKER_RECOVERY,
    },
  );
  worker.on("failed", async (job, error) => {
    services.log.error(
      { job: job?.data.name, key: job?.id, attempts: job?.attemptsMade, err: error },
      "scheduled job failed",
    );
    const final =
      error instanceof UnrecoverableError || (job && job.attemptsMade >= (job.opts.attempts ?? 1));
    if (!job || !final || !options.dutyChatId) return;
    // Per run: a daily job failing again tomorrow is reported again.
    const key = runKey(job);
    await services.messenger
      .send({
        chatId: options.dutyChatId,
        text: operatorNotices.jobFailed(registry.label(job.data.name), key, job.attemptsMade, error.message),
        idempotencyKey: `job-failed-${key}`,
      })
      .catch((sendError) => services.log.error({ err: sendError, key }, "could not report the failed job"));
  });
  worker.on("error", (error) => services.log.error({ err: error }, "job worker error"));
  return worker;
}

/** The key a run is known by: the scheduled key, plus the occurrence's time for a recurring job. */
function runKey(job: Job<QueuedJob>, occurrence = recurringOccurrence(job)): string {
  const key = job.data.key ?? job.id ?? job.name;
  return occurrence ? `${key}-${occurrence.getTime()}` : key;
}

/**
 * When a job scheduler produced the job: the time it was due. Each day's run then gets its own key
 * (so its sends get their own idempotency keys) and the handler learns which day it is for.
 */
function recurringOccurrence(job: Job<QueuedJob>): Date | undefined {
  // A scheduler's job is created `delay` ms before the time it is for (BullMQ keeps `prevMillis` off the stored job).
  if (!job.repeatJobKey) return undefined;
  return new Date((job.opts.timestamp ?? job.timestamp) + (job.opts.delay ?? 0));
}
