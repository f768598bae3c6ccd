/** Job and worker options our BullMQ queues share. */
import type { Queue } from "bullmq";

/**
 * Lock and stall settings shared by our workers. A job a dead process held is handed to a live
 * worker within about 15 s (BullMQ's default is about a minute), and a job may stall three times
 * before BullMQ fails it (the default, once, can fail an alert after two crashes in a row).
 */
export const WORKER_RECOVERY = {
  lockDuration: 15_000,
  stalledInterval: 10_000,
  maxStalledCount: 3,
} as const;

/**
 * Options of a job that delivers one message or event (a send, an inbound event): retried with
 * exponential backoff and jitter, kept a day once done (so a resend under the same id is still
 * recognised) and a week once failed.
 */
export function deliveryJobOptions(attempts: number, backoffMs: number) {
  return {
    attempts,
    backoff: { type: "exponential", delay: backoffMs, jitter: 0.2 },
    removeOnComplete: { age: 86_400, count: 100_000 },
    removeOnFail: { age: 7 * 86_400 },
  };
}

/** Jobs of a queue not yet done: waiting, running, or waiting for a retry or for their children. */
export function pendingJobs(queue: Queue): Promise<number> {
  return queue.getJobCountByTypes("waiting", "active", "delayed", "prioritized", "waiting-children");
}
