/**
 * Reads the bot's BullMQ queues on the test Redis from outside the bot: the state of a scheduled
 * job (by its scheduler key) and of the console sends a job queued, to tell how far the bot got.
 */
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { JOBS_QUEUE, outboundQueueName, safeJobId } from "../../../../src/queue/queue-names.ts";
import { createRedis } from "../../../../src/queue/redis-connection.ts";
import { testRedisUrl } from "../../../support/redis.ts";

export type JobState = Awaited<ReturnType<Queue["getJobState"]>>;

export class QueueState {
  private readonly redis: Redis;
  private readonly jobs: Queue;
  private readonly outbound: Queue;

  constructor(prefix: string) {
    this.redis = createRedis(testRedisUrl());
    this.jobs = new Queue(JOBS_QUEUE, { connection: this.redis, prefix });
    this.outbound = new Queue(outboundQueueName("console"), { connection: this.redis, prefix });
  }

  /** `completed`, `active`, `delayed`, `waiting` … or `unknown` when no such job exists. */
  job(key: string): Promise<JobState> {
    return this.jobs.getJobState(safeJobId(key));
  }

  /** The state of a console send with this idempotency key. */
  send(idempotencyKey: string): Promise<JobState> {
    return this.outbound.getJobState(safeJobId(`${idempotencyKey}-console`));
  }

  /** Scheduled jobs due or running (waiting, active), and sends not yet delivered (any state but done). */
  async unfinished(): Promise<{ jobs: number; sends: number }> {
    return {
      jobs: await this.jobs.getJobCountByTypes("waiting", "active", "prioritized"),
      sends: await this.outbound.getJobCountByTypes("waiting", "active", "prioritized", "delayed"),
    };
  }

  async close(): Promise<void> {
    await this.jobs.close();
    await this.outbound.close();
    await this.redis.quit();
  }
}
