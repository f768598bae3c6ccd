/**
 * Waiting for an inbound job to be handled, wherever it is handled. Two signals; the first wins:
 *
 * - this process's worker reports the handler's result the moment the handler returns, before
 *   BullMQ records the job complete, so the result reaches the caller even when recording it in
 *   Redis fails (Redis refusing writes) and costs no round trip;
 * - BullMQ's queue events (`job.waitUntilFinished`) for a job another process's worker took:
 *   processes sharing a prefix share the queue, and a job whose process died is handed to another.
 *   It subscribes before it checks the job's state, so a job finished in between is not missed;
 *   and the queue events read the stream from its last entry at the time they were made (BullMQ's
 *   default, "from now", starts a round trip later: a job finished in that gap was missed).
 *
 * The queue events read a Redis stream with a blocking command, on a connection of their own that
 * opens at the first wait: a queue nobody waits on (Feishu's) opens none. A queue no other process
 * shares (`shared: false`: the app alone on its PGlite) needs no queue events at all: its own worker
 * handles every job, and says so here also when a job has failed for good.
 */
import { EventEmitter } from "node:events";
import { type Job, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

type HandledHere<R> = { ok: true; result: R } | { ok: false; error: unknown };

export class InboundCompletions<R> {
  private readonly here = new EventEmitter();
  private events?: { queueEvents: Promise<QueueEvents>; connection: Redis };

  constructor(
    private readonly options: {
      name: string;
      connection: Redis;
      prefix: string;
      log: Logger;
      /** Other processes may take this queue's jobs (default true). */
      shared?: boolean;
    },
  ) {
    this.here.setMaxListeners(0);
  }

  /** This process's worker handled the job `id` with `result`. */
  handledHere(id: string, result: R): void {
    this.here.emit(id, { ok: true, result } satisfies HandledHere<R>);
  }

  /** This process's worker gave the job `id` up (its last attempt failed). */
  failedHere(id: string, error: unknown): void {
    this.here.emit(id, { ok: false, error } satisfies HandledHere<R>);
  }

  /** Resolves with the job's result once handled anywhere; rejects when it failed for good. */
  wait(job: Job): Promise<R> {
    const id = job.id as string;
    let onHere: (outcome: HandledHere<R>) => void = () => {};
    const handledHere = new Promise<R>((resolve, reject) => {
      onHere = (outcome) => (outcome.ok ? resolve(outcome.result) : reject(outcome.error));
      this.here.once(id, onHere);
    });
    if (this.options.shared === false) return handledHere;
    const finished = this.queueEvents().then((events) => job.waitUntilFinished(events) as Promise<R>);
    return Promise.race([handledHere, finished]).finally(() => {
      this.here.off(id, onHere);
      // Settled here first: the queue events' answer (or their end at close) is no longer needed.
      finished.catch(() => {});
    });
  }

  async close(): Promise<void> {
    if (!this.events) return;
    const { queueEvents, connection } = this.events;
    this.events = undefined;
    await (await queueEvents.catch(() => undefined))?.close();
    await connection.quit().catch(() => connection.disconnect());
  }

  private queueEvents(): Promise<QueueEvents> {
    if (!this.events) {
      const connection = this.options.connection.duplicate();
      this.events = { queueEvents: this.openQueueEvents(connection), connection };
    }
    return this.events.queueEvents;
  }

  private async openQueueEvents(connection: Redis): Promise<QueueEvents> {
    const { name, prefix, log } = this.options;
    // Redis refusing the read: BullMQ's default, as before.
    const [last] = await connection
      .xrevrange(`${prefix}:${name}:events`, "+", "-", "COUNT", 1)
      .catch(() => [["$"]]);
    const queueEvents = new QueueEvents(name, { connection, prefix, lastEventId: last?.[0] ?? "0-0" });
    // Every wait listens until its job ends, so many conversations at once mean many listeners.
    queueEvents.setMaxListeners(0);
    queueEvents.on("error", (error) => log.warn({ err: error }, "inbound queue events cannot reach redis"));
    return queueEvents;
  }
}
