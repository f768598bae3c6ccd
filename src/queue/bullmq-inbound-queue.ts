/**
 * The inbound queue on BullMQ. The job id comes from the event id, so a platform's resend of an
 * event is one job while the job is kept (a day after it completes; the pipeline's Redis dedupe
 * covers later resends). A failing handling is retried with backoff.
 *
 * A job whose process died (kill -9) is handed again to a live worker, of this process or the next
 * one to start, within seconds ({@link INBOUND_RECOVERY}); the pipeline then handles the event,
 * since only a handling that ran to its end marks an event handled.
 *
 * A caller may wait for its entry to be handled ({@link InboundCompletions}): by this process's
 * worker or by another's.
 *
 * Order: within one process the worker takes jobs in FIFO order and calls the handler in that
 * order; the pipeline then serialises per chat|person, so a conversation's events keep their order.
 * Across processes each job goes to one worker; the pipeline's conversation lock (on a shared
 * database) handles two events of one conversation taken by two processes at the same moment one
 * after the other, in the order they reach the lock, and its dedupe handles each once.
 */
import { type Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { InboundQueue, QueuedEntry, QueueLocation } from "../bot/core/inbound-queue.ts";
import { InboundCompletions } from "./inbound-completions.ts";
import { inboundQueueName, safeJobId } from "./queue-names.ts";
import { deliveryJobOptions, pendingJobs } from "./worker-options.ts";

const IDLE_POLL_MS = 20;

/**
 * Lock and stall settings of the inbound worker, quicker than the other workers' (`WORKER_RECOVERY`): an event was
 * answered 200 to the platform, so the person waits for it. A dead process's lock runs out after
 * 10 s (about when a restarted process is up); a worker checks for stalled jobs every 2 s, and a job
 * is moved back to waiting at the second check that sees it unlocked, so a restarted process runs
 * the events the dead one held within about 4 s of starting. A job taken for stalled while its
 * handling still runs (an event loop blocked for 10 s) is handled once all the same: the second run
 * waits for the conversation's turn and finds the event done. Five stalls before BullMQ fails a job:
 * an event is given up only after five crashes in a row while handling it.
 */
export const INBOUND_RECOVERY = {
  lockDuration: 10_000,
  stalledInterval: 2_000,
  maxStalledCount: 5,
} as const;

export class BullmqInboundQueue<T, R = void> implements InboundQueue<T, R> {
  private readonly queue: Queue;
  private readonly name: string;
  private readonly completions: InboundCompletions<R>;
  private worker?: Worker;

  get location(): QueueLocation {
    return { name: this.name, prefix: this.options.prefix };
  }

  constructor(
    private readonly options: {
      connection: Redis;
      prefix: string;
      platform: string;
      log: Logger;
      concurrency?: number;
      attempts?: number;
      backoffMs?: number;
      /** Other processes share this queue (default true); false: only this process's worker takes its jobs. */
      shared?: boolean;
    },
  ) {
    this.name = inboundQueueName(options.platform);
    this.queue = new Queue(this.name, { connection: options.connection, prefix: options.prefix });
    // Without a listener BullMQ prints connection errors (Redis away) to stderr; they go to our log.
    this.queue.on("error", (error) => options.log.warn({ err: error }, "inbound queue cannot reach redis"));
    // Each wait for a job another process may handle listens for the queue closing until it ends:
    // many conversations at once mean many listeners, not a leak.
    this.queue.setMaxListeners(0);
    this.completions = new InboundCompletions({ ...options, name: this.name });
  }

  async enqueue(id: string, payload: T): Promise<QueuedEntry<R>> {
    const job = await this.queue.add("inbound", payload, {
      jobId: safeJobId(id),
      ...deliveryJobOptions(this.options.attempts ?? 5, this.options.backoffMs ?? 1000),
    });
    return { handled: () => this.completions.wait(job) };
  }

  start(handler: (payload: T) => Promise<R>): void {
    if (this.worker) return;
    const { connection, prefix, log } = this.options;
    const handle = async (job: Job): Promise<R> => {
      const result = await handler(job.data as T);
      this.completions.handledHere(job.id as string, result);
      return result;
    };
    this.worker = new Worker(this.name, handle, {
      connection,
      prefix,
      concurrency: this.options.concurrency ?? 16,
      ...INBOUND_RECOVERY,
    });
    this.worker.on("failed", (job, error) => {
      log.warn({ job: job?.id, attempt: job?.attemptsMade, err: error }, "inbound event handling failed");
      if (job?.id && job.attemptsMade >= (job.opts.attempts ?? 1)) this.completions.failedHere(job.id, error);
    });
    this.worker.on("error", (error) => log.error({ err: error }, "inbound worker error"));
  }

  async idle(): Promise<void> {
    for (;;) {
      if ((await pendingJobs(this.queue)) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    }
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
    await this.queue.close();
    await this.completions.close();
  }
}
