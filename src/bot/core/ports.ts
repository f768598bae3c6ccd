/**
 * Ports: the only ways handlers reach the world. Handlers import these types, never an SDK,
 * BullMQ or an adapter; `main.ts` plugs in the implementations.
 */
import type { OutboundMessage } from "./message.ts";

/** Sends bot messages. Implementations queue the send with retries; returning means "accepted". */
export interface Messenger {
  send(message: OutboundMessage): Promise<void>;
}

/** The time, asked for rather than read, so tests and transcripts can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A job to run later: `name` picks the handler, `data` is validated by it when it fires. */
export interface ScheduledJob {
  name: string;
  data: Record<string, unknown>;
}

/**
 * Runs a job at a time. `key` is derived from what the job is for (`dialog-<id>-idle-<ms>`):
 * scheduling the same key twice is harmless, and `cancel` removes it. Jobs re-read state when they fire.
 */
export interface Scheduler {
  schedule(key: string, at: Date, job: ScheduledJob): Promise<void>;
  cancel(key: string): Promise<void>;
}

/** Runs a fired job by name; both the BullMQ worker and the virtual scheduler call it. */
export type JobRunner = (key: string, job: ScheduledJob) => Promise<void>;

/** A job that runs every day at a local time; the runner adds `dueAt` (ISO time it was due) to its data. */
export interface RecurringEntry {
  /** Stable id; reconciling with the same id updates the entry in place. */
  id: string;
  hour: number;
  minute: number;
  job: ScheduledJob;
}

/**
 * The key one occurrence of a recurring entry runs under: `daily-<id>-<due ms>`. Both
 * RecurringScheduler implementations (BullMQ's job worker, the transcripts' virtual scheduler) use
 * it, so the run a timer rebuild schedules for a missed occurrence is the same run.
 */
export function recurringRunKey(entryId: string, dueAt: Date): string {
  return `daily-${entryId}-${dueAt.getTime()}`;
}

/**
 * Daily recurring jobs, kept equal to the config: `reconcile` adds new entries, updates changed
 * ones and removes those no longer listed. Day rules (workdays, holidays) are checked by the job
 * when it fires, so the recurrence itself is simply daily in the policy's time zone.
 */
export interface RecurringScheduler {
  reconcile(entries: readonly RecurringEntry[], timeZone: string): Promise<void>;
}

/** How many timers a rebuild scheduled, by job name (`incident.ack-check`: 3). */
export type TimerCounts = Record<string, number>;

/**
 * Schedules every pending timer again from the database (the database is the truth for timers;
 * Redis only holds them). The Redis watcher calls it when Redis has lost its data; the app calls it
 * at start. `reason` is logged with the counts.
 */
export interface TimerRebuild {
  rebuild(reason: string): Promise<TimerCounts>;
}

/** What {@link FileStore.put} kept: the key to fetch it by, its size and content hash. */
export interface StoredFile {
  key: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

/** Thrown by {@link FileStore.put} when the bytes exceed `maxBytes`; nothing is kept. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file exceeds ${maxBytes} bytes`);
    this.name = "FileTooLargeError";
  }
}

/**
 * Durable bytes of the files people send (scene photos): on disk under `DATA_DIR/files` by default,
 * or in an S3-compatible store. The database keeps the metadata and the key; this keeps the bytes.
 */
export interface FileStore {
  /** The most bytes one file may have; `put` stops reading beyond it and throws {@link FileTooLargeError}. */
  readonly maxBytes: number;
  put(
    content: Uint8Array | AsyncIterable<Uint8Array>,
    meta: { name: string; mimeType: string },
  ): Promise<StoredFile>;
  /** The bytes under `key`; throws when there are none. */
  get(key: string): Promise<Uint8Array>;
}
