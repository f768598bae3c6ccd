/**
 * Outbound sends on queues, one per platform: one job per message and sink, keyed by the message's
 * idempotency key, retried with exponential backoff. A send that fails for good is kept in the database and the
 * duty group is told; nothing is dropped silently.
 */
import { Queue, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { KeyedSerial } from "../bot/core/keyed-serial.ts";
import type { OutboundMessage } from "../bot/core/message.ts";
import { type MessageSink, PermanentDeliveryError } from "../bot/core/message-sink.ts";
import type { Messenger } from "../bot/core/ports.ts";
import { operatorNotices } from "../bot/core/replies.ts";
import type { BotServices } from "../bot/core/services.ts";
import { outboundQueueName, safeJobId } from "./queue-names.ts";
import { deliveryJobOptions, pendingJobs, WORKER_RECOVERY } from "./worker-options.ts";

export interface SendJob {
  sink: string;
  message: OutboundMessage;
}

export interface SendRetryPolicy {
  attempts: number;
  /** First backoff in ms; doubles each attempt, with jitter. */
  backoffMs: number;
}

export const DEFAULT_SEND_RETRY: SendRetryPolicy = { attempts: 8, backoffMs: 1000 };

/** The Messenger handlers use: accepting a message means it is on the queue of every platform serving it. */
export class QueuedMessenger implements Messenger {
  private readonly queues = new Map<string, Queue<SendJob>>();

  constructor(
    connection: Redis,
    prefix: string,
    private readonly sinks: MessageSink[],
    private readonly retry: SendRetryPolicy = DEFAULT_SEND_RETRY,
  ) {
    for (const sink of sinks)
      this.queues.set(sink.name, new Queue<SendJob>(outboundQueueName(sink.name), { connection, prefix }));
  }

  async send(message: OutboundMessage): Promise<void> {
    const serving = this.sinks.filter((sink) => sink.serves(message.chatId));
    if (serving.length === 0) throw new Error(`no platform serves chat ${message.chatId}`);
    // A form offered besides the text way is not queued where nobody could see it.
    const targets = message.formOnly ? serving.filter((sink) => sink.showsForms) : serving;
    // Each platform's queue takes its job on its own; a failure rejects, and the caller's retry
    // re-adds under the same job ids, which BullMQ takes once.
    await Promise.all(
      targets.map((sink) =>
        this.queueOf(sink.name).add(
          "send",
          { sink: sink.name, message },
          {
            jobId: safeJobId(`${message.idempotencyKey}-${sink.name}`),
            ...deliveryJobOptions(this.retry.attempts, this.retry.backoffMs),
          },
        ),
      ),
    );
  }

  /** The queue of one platform's sends (by sink name). */
  queueOf(sink: string): Queue<SendJob> {
    const queue = this.queues.get(sink);
    if (!queue) throw new Error(`no send queue for ${sink}`);
    return queue;
  }

  /** Sends not yet done on every platform: waiting, running, or waiting to be retried. */
  async pendingCount(): Promise<number> {
    const counts = await Promise.all([...this.queues.values()].map(pendingJobs));
    return counts.reduce((sum, n) => sum + n, 0);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}

export interface SendWorkerOptions {
  connection: Redis;
  prefix: string;
  sinks: MessageSink[];
  services: Pick<BotServices, "database" | "log" | "clock" | "directory">;
  /** Where to report a send that failed for good (the duty group), through this messenger. */
  messenger: Messenger;
  dutyChatId?: string;
  /** Sends each platform runs at once. */
  concurrency?: number;
}

/** The workers of every platform's send queue, closed together. */
export interface SendWorkers {
  close(): Promise<void>;
}

/**
 * Delivers queued sends: one worker per platform, in order within a chat and in parallel across
 * chats. Sends mostly wait (on the platform, or for a rate-limit slot), so many run at once: an
 * alert to 100 Feishu groups has all of the next second's sends waiting for their slots together,
 * while the console's copies are written by the console's own worker.
 */
export function startSendWorker(options: SendWorkerOptions): SendWorkers {
  const workers = options.sinks.map((sink) =>
    startWorker(options, outboundQueueName(sink.name), new Map([[sink.name, sink]])),
  );
  return {
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}

/** A worker on one send queue, handing each job to its sink (looked up by the job's sink name). */
function startWorker(
  options: SendWorkerOptions,
  queueName: string,
  sinks: ReadonlyMap<string, MessageSink>,
): Worker<SendJob> {
  const { services } = options;
  const perChat = new KeyedSerial();
  const worker = new Worker<SendJob>(
    queueName,
    async (job) => {
      const sink = sinks.get(job.data.sink);
      if (!sink) throw new UnrecoverableError(`no sink ${job.data.sink}`);
      await perChat.run(`${sink.name}|${job.data.message.chatId}`, async () => {
        try {
          await sink.deliver(job.data.message);
        } catch (error) {
          if (error instanceof PermanentDeliveryError) throw new UnrecoverableError(error.message);
          throw error;
        }
      });
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 64,
      ...WORKER_RECOVERY,
    },
  );
  worker.on("failed", async (job, error) => {
    if (!job) return;
    const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    const log = services.log.child({ chat: job.data.message.chatId, key: job.data.message.idempotencyKey });
    if (!final) {
      log.warn({ attempt: job.attemptsMade, err: error }, "send failed, will retry");
      return;
    }
    log.error({ attempts: job.attemptsMade, err: error }, "send failed for good");
    try {
      await recordFailedSend(options, job.data, job.attemptsMade, error);
    } catch (recordError) {
      log.error({ err: recordError }, "could not record the failed send");
    }
  });
  worker.on("error", (error) => services.log.error({ err: error }, "send worker error"));
  return worker;
}

async function recordFailedSend(
  options: SendWorkerOptions,
  job: SendJob,
  attempts: number,
  error: Error,
): Promise<void> {
  const { database, clock, directory } = options.services;
  const { message } = job;
  const key = `${message.idempotencyKey}-${job.sink}`;
  const created = await database.failedSend.createMany({
    data: [
      {
        idempotencyKey: key,
        platform: job.sink,
        chatId: message.chatId,
        message: message as object,
        error: error.message.slice(0, 2000),
        attempts,
        failedAt: clock.now(),
      },
    ],
    skipDuplicates: true,
  });
  const isNoticeItself = message.idempotencyKey.startsWith("send-failed-");
  if (created.count === 0 || !options.dutyChatId || isNoticeItself) return;
  const summary = (message.text ?? message.card?.title ?? "").slice(0, 60);
  await options.messenger.send({
    chatId: options.dutyChatId,
    text: operatorNotices.sendFailed(directory.chatName(message.chatId), job.sink, summary, error.message),
    idempotencyKey: `send-failed-${key}`,
  });
}
