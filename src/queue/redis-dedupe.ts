/**
 * Event dedupe on Redis: `<prefix>:event:<platform>:<event id>` = `done` for a day once an event
 * was handled to its end. Nothing is written while it is handled, so nothing is left behind by a
 * process that dies meanwhile (see {@link EventDedupe} for why). A `processing` value left by the
 * earlier design (during an upgrade) counts as not handled.
 */
import type { Redis } from "ioredis";
import type { EventDedupe } from "../bot/core/dedupe.ts";

/** Longer than any platform redelivers an event (Feishu: hours; the inbound queue keeps a job a day). */
const DONE_SECONDS = 86_400;
const DONE = "done";

export class RedisEventDedupe implements EventDedupe {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async handled(platform: string, eventId: string): Promise<boolean> {
    return (await this.redis.get(this.key(platform, eventId))) === DONE;
  }

  async done(platform: string, eventId: string): Promise<void> {
    await this.redis.set(this.key(platform, eventId), DONE, "EX", DONE_SECONDS);
  }

  private key(platform: string, eventId: string): string {
    return `${this.prefix}:event:${platform}:${eventId}`;
  }
}
