/**
 * Event dedupe on Redis. A claim is `processing` for two minutes (SET NX EX), then `done` for a day
 * once handled: a redelivery is dropped while the first handling runs or after it finished, and
 * handled again when a crash left only an expired `processing` claim behind.
 */
import type { Redis } from "ioredis";
import type { EventDedupe } from "../bot/core/dedupe.ts";

const DAY_SECONDS = 86_400;
/** Longer than any handling takes; a claim older than this belonged to a process that died. */
const DEFAULT_PROCESSING_SECONDS = 120;

export class RedisEventDedupe implements EventDedupe {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly processingSeconds = DEFAULT_PROCESSING_SECONDS,
  ) {}

  async claim(platform: string, eventId: string): Promise<boolean> {
    const result = await this.redis.set(
      this.key(platform, eventId),
      "processing",
      "EX",
      this.processingSeconds,
      "NX",
    );
    return result === "OK";
  }

  async done(platform: string, eventId: string): Promise<void> {
    await this.redis.set(this.key(platform, eventId), "done", "EX", DAY_SECONDS);
  }

  async release(platform: string, eventId: string): Promise<void> {
    await this.redis.del(this.key(platform, eventId));
  }

  private key(platform: string, eventId: string): string {
    return `${this.prefix}:event:${platform}:${eventId}`;
  }
}
