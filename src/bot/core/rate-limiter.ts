/**
 * Port for a send rate limit shared by every bot process (Feishu allows 5 sends per second per
 * chat and per person, whoever sends). An adapter asks for a slot before each call; the Redis
 * implementation lives in `src/queue/redis-rate-limiter.ts`.
 */
export interface RateLimiter {
  /**
   * Takes a slot for `key` if fewer than `limit` were taken in the last `windowMs`, and returns 0;
   * otherwise takes nothing and returns how many ms to wait before asking again.
   */
  tryTake(key: string, limit: number, windowMs: number): Promise<number>;
}

/** Waits until a slot for every key is free, taking them in order (a chat, then a person). */
export async function takeSlots(
  limiter: RateLimiter,
  keys: string[],
  limit: number,
  windowMs: number,
): Promise<void> {
  for (const key of keys) {
    for (;;) {
      const waitMs = await limiter.tryTake(key, limit, windowMs);
      if (waitMs <= 0) break;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
