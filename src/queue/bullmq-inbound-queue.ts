/**
 * The inbound queue on BullMQ. The job id comes from the event id, so a platform's resend of an
 * event is one job while the job is kept (a day after it completes; the pipeline's Redis dedupe
 * covers later resends). A failing handling is retried with backoff.
 *
 * Order: within one process the worker takes jobs in FIFO order and calls the handler in that
 * order; the pipeline then serialises per chat|person, so a conversation's events keep their order.
 * Across processes each job goes to one worker; the pipeline's conversation lock (on a shared
 * database) handles two events of one conversation taken by two processes at the same moment one
 * after the other, in the order they reach the lock, and its dedupe handles each once.
 */
import { Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { InboundQueue } from "../bot/core/inbound-queue.ts";
import { inboundQueueName, safeJobId } from "./queue-names.ts";
import { deliveryJobOptions, pendingJobs, WORKER_RECOVERY } from "./worker-options.ts";

const IDLE_POLL_MS = 20;

export class BullmqInboundQueue<T> implements InboundQueue<T> {
  private readonly queue: Queue;
  private readonly name: string;
  private worker?: Worker;

  constructor(
    private readonly options: {
      connection: Redis;
      prefix: string;
      platform: string;
      log: Logger;
      concurrency?: number;
      attempts?: number;
      backoffMs?: number;
    },
  ) {
    this.name = inboundQueueName(options.platform);
    this.queue = new Queue(this.name, { connection: options.connection, prefix: options.prefix });
    // Without a listener BullMQ prints connection errors (Redis away) to stderr; they go to our log.
    this.queue.on("error", (error) => options.log.warn({ err: error }, "inbound queue cannot reach redis"));
  }

  async enqueue(id: string, payload: T): Promise<void> {
    await this.queue.add("inbound", payload, {
      jobId: safeJobId(id),
      ...deliveryJobOptions(this.options.attempts ?? 5, this.options.backoffMs ?? 1000),
    });
  }

  start(handler: (payload: T) => Promise<void>): void {
    if (this.worker) return;
    const { connection, prefix, log } = this.options;
    this.worker = new Worker(this.name, (job) => handler(job.data as T), {
      connection,
      prefix,
      concurrency: this.options.concurrency ?? 16,
      ...WORKER_RECOVERY,
    });
    this.worker.on("failed", (job, error) =>
      log.warn({ job: job?.id, attempt: job?.attemptsMade, err: error }, "inbound event handling failed"),
    );
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
  }
}
