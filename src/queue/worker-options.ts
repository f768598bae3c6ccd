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
