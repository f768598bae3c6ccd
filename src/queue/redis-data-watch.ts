/**
 * Notices that Redis has lost its data (restarted without persistence, flushed, failed over to an
 * empty replica) and asks for the timers to be rebuilt from the database. The app keeps a marker
 * key, `<prefix>:marker`, holding the time it started; the watcher sets it with SET NX after every
 * (re)connection (ioredis `ready`) and every `intervalMs`: when the SET succeeds the marker was gone,
 * and with it every job. One command per check; of several processes on one Redis, the one whose
 * SET wins rebuilds (the same keys make a second rebuild harmless anyway).
 */
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { TimerRebuild } from "../bot/core/ports.ts";

export const REDIS_DATA_CHECK_MS = 30_000;

export interface RedisDataWatchOptions {
  redis: Redis;
  prefix: string;
  rebuild: TimerRebuild;
  log: Logger;
  /** How often to look for the marker; default 30 s. */
  intervalMs?: number;
}

export function redisMarkerKey(prefix: string): string {
  return `${prefix}:marker`;
}

export class RedisDataWatch {
  private timer: NodeJS.Timeout | undefined;
  private readonly key: string;
  private readonly value = new Date().toISOString();
  private readonly onReady = () => void this.check();

  constructor(private readonly options: RedisDataWatchOptions) {
    this.key = redisMarkerKey(options.prefix);
  }

  /** Sets the marker (the app rebuilds its timers at start itself), then keeps watching. */
  async start(): Promise<void> {
    await this.options.redis.set(this.key, this.value);
    this.options.redis.on("ready", this.onReady);
    this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? REDIS_DATA_CHECK_MS);
    this.timer.unref();
  }

  /** True when the marker was gone (the timers were rebuilt); false when present or Redis is away. */
  async check(): Promise<boolean> {
    const { redis, rebuild, log } = this.options;
    let set: string | null;
    try {
      set = await redis.set(this.key, this.value, "NX");
    } catch (error) {
      log.debug({ err: error }, "could not check the Redis marker");
      return false;
    }
    if (set !== "OK") return false;
    log.warn({ marker: this.key }, "Redis has lost its data: rebuilding the timers from the database");
    try {
      await rebuild.rebuild("redis-data-lost");
    } catch (error) {
      // Without the marker the next check would not notice again: take it away so it retries.
      await redis.del(this.key).catch(() => undefined);
      log.error({ err: error }, "could not rebuild the timers after Redis lost its data");
      return false;
    }
    return true;
  }

  stop(): void {
    clearInterval(this.timer);
    this.options.redis.off("ready", this.onReady);
  }
}
