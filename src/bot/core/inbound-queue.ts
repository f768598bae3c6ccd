/**
 * Port for a durable inbound queue: a platform callback validates an event, puts it here and only
 * then answers the platform, so an event acknowledged just before a crash is not lost. A worker
 * takes the payloads and hands them to the bot. The same id enqueued twice (a platform resend) is
 * one entry. Payloads must survive JSON (dates travel as ISO strings).
 */
export interface InboundQueue<T> {
  /** Stores the payload durably under `id`; resolves once it is stored (a repeated id is a no-op). */
  enqueue(id: string, payload: T): Promise<void>;
  /** Starts taking stored payloads (also those enqueued while no worker ran) and handling them. */
  start(handler: (payload: T) => Promise<void>): void;
  /** Resolves when nothing is waiting, delayed or being handled (tests, orderly shutdown). */
  idle(): Promise<void>;
  /** Stops taking payloads, waits for those being handled; stored ones stay for the next start. */
  close(): Promise<void>;
}
