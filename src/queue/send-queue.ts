/**
 * Outbound sends on a queue: one job per message and sink, keyed by the message's idempotency key,
 * retried with exponential backoff. A send that fails for good is kept in the database and the
 * duty group is told; nothing is dropped silently.
 */
import { Queue, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { KeyedSerial } from "../bot/core/keyed-serial.ts";
import type { OutboundMessage } from "../bot/core/message.ts";
import { type MessageSink, PermanentDeliveryError } from "../bot/core/message-sink.ts";
import type { Messenger } from "../bot/core/ports.ts";
import type { BotServices } from "../bot/core/services.ts";
import { OUTBOUND_QUEUE, safeJobId } from "./queue-names.ts";
import { WORKER_RECOVERY } from "./worker-options.ts";

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

/** The Messenger handlers use: accepting a message means it is on the queue. */
export class QueuedMessenger implements Messenger {
  readonly queue: Queue<SendJob>;

  constructor(
    connection: Redis,
    prefix: string,
    private readonly sinks: MessageSink[],
    private readonly retry: SendRetryPolicy = DEFAULT_SEND_RETRY,
  ) {
    this.queue = new Queue<SendJob>(OUTBOUND_QUEUE, { connection, prefix });
  }

  async send(message: OutboundMessage): Promise<void> {
    const serving = this.sinks.filter((sink) => sink.serves(message.chatId));
    if (serving.length === 0) throw new Error(`no platform serves chat ${message.chatId}`);
    // A form offered besides the text way is not queued where nobody could see it.
    const targets = message.formOnly ? serving.filter((sink) => sink.showsForms) : serving;
    if (targets.length === 0) return;
    await this.queue.addBulk(
      targets.map((sink) => ({
        name: "send",
        data: { sink: sink.name, message },
        opts: {
          jobId: safeJobId(`${message.idempotencyKey}-${sink.name}`),
          attempts: this.retry.attempts,
          backoff: { type: "exponential", delay: this.retry.backoffMs, jitter: 0.2 },
          removeOnComplete: { age: 86_400, count: 100_000 },
          removeOnFail: { age: 7 * 86_400 },
        },
      })),
    );
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

/**
 * Delivers queued sends, in order within a chat and in parallel across chats. Sends mostly wait
 * (on the platform, or for a rate-limit slot), so many run at once: an alert to 100 Feishu groups
 * has all of the next second's sends waiting for their slots together.
 */
export function startSendWorker(options: {
  connection: Redis;
  prefix: string;
  sinks: MessageSink[];
  services: Pick<BotServices, "prisma" | "log" | "clock" | "directory">;
  /** Where to report a send that failed for good (the duty group), through this messenger. */
  messenger: Messenger;
  dutyChatId?: string;
  concurrency?: number;
}): Worker<SendJob> {
  const { services } = options;
  const sinks = new Map(options.sinks.map((sink) => [sink.name, sink]));
  const perChat = new KeyedSerial();
  const worker = new Worker<SendJob>(
    OUTBOUND_QUEUE,
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
  options: Parameters<typeof startSendWorker>[0],
  job: SendJob,
  attempts: number,
  error: Error,
): Promise<void> {
  const { prisma, clock, directory } = options.services;
  const { message } = job;
  const key = `${message.idempotencyKey}-${job.sink}`;
  const created = await prisma.failedSend.createMany({
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
    text: `【发送失败】发往「${directory.chatName(message.chatId)}」的消息多次重试仍未送达（${job.sink}）：${summary}\n原因：${error.message.slice(0, 200)}。请电话通知对方。`,
    idempotencyKey: `send-failed-${key}`,
  });
}
