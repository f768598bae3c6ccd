/** Event dedupe on Redis: SET NX with a day's expiry per platform event id. */
import type { Redis } from "ioredis";
import type { EventDedupe } from "../bot/core/dedupe.ts";

const DAY_SECONDS = 86_400;

export class RedisEventDedupe implements EventDedupe {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async claim(platform: string, eventId: string): Promise<boolean> {
    const result = await this.redis.set(this.key(platform, eventId), "1", "EX", DAY_SECONDS, "NX");
    return result === "OK";
  }

  async release(platform: string, eventId: string): Promise<void> {
    await this.redis.del(this.key(platform, eventId));
  }

  private key(platform: string, eventId: string): string {
    return `${this.prefix}:event:${platform}:${eventId}`;
  }
}
