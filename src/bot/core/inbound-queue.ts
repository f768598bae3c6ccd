/**
 * Port for a durable inbound queue: a platform callback validates an event, puts it here and only
 * then answers the platform, so an event acknowledged just before a crash is not lost. A worker
 * takes the payloads and hands them to the bot. The same id enqueued twice (a platform resend) is
 * one entry. Payloads must survive JSON (dates travel as ISO strings, see {@link QueuedEvent}).
 */
import type { InboundEvent } from "./message.ts";

/** Where a queue lives in Redis: its name under a key prefix (the admins' queue board shows it). */
export interface QueueLocation {
  name: string;
  prefix: string;
}

export interface InboundQueue<T, R = void> {
  /** Where it is kept, when it is a Redis queue. */
  readonly location?: QueueLocation;
  /**
   * Stores the payload durably under `id`; resolves once it is stored (a repeated id is a no-op),
   * with the entry, whose handling the caller may wait for.
   */
  enqueue(id: string, payload: T): Promise<QueuedEntry<R>>;
  /** Starts taking stored payloads (also those enqueued while no worker ran) and handling them. */
  start(handler: (payload: T) => Promise<R>): void;
  /** Resolves when nothing is waiting, delayed or being handled (tests, orderly shutdown). */
  idle(): Promise<void>;
  /** Stops taking payloads, waits for those being handled; stored ones stay for the next start. */
  close(): Promise<void>;
}

/** A stored entry of an {@link InboundQueue}. */
export interface QueuedEntry<R> {
  /**
   * Resolves with the handler's result once a worker, of this process or another, has handled the
   * entry; rejects when it failed for good (every retry spent) or the queue closed first.
   */
  handled(): Promise<R>;
}

/** A neutral event as it waits on a queue: its date as an ISO string. */
export type QueuedEvent = Omit<InboundEvent, "receivedAt"> & { receivedAt: string };

export function toQueuedEvent(event: InboundEvent): QueuedEvent {
  return { ...event, receivedAt: event.receivedAt.toISOString() };
}

export function fromQueuedEvent(queued: QueuedEvent): InboundEvent {
  return { ...queued, receivedAt: new Date(queued.receivedAt) };
}
