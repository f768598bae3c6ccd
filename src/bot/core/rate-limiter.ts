/**
 * Port for send rate limits shared by every bot process (Feishu allows 5 sends per second per
 * chat and per person, and 50 per second per app, whoever sends). An adapter reserves its slots
 * before each call; the Redis implementation lives in `src/queue/redis-rate-limiter.ts`.
 */

/** One limit a call counts against: at most `limit` calls per window under `key`. */
export interface RateSlot {
  key: string;
  limit: number;
}

export interface RateLimiter {
  /**
   * Reserves the earliest time at which every key has room (fewer than its limit in the window
   * before it), under all keys at once, after every reservation already made; returns how many ms
   * from now that is (0: at once). Callers reserve in turn, so they go in the order they asked.
   */
  reserve(slots: readonly RateSlot[], windowMs: number): Promise<number>;
}

/** Reserves a slot under every key and waits until its time. */
export async function takeSlots(
  limiter: RateLimiter,
  slots: readonly RateSlot[],
  windowMs: number,
): Promise<void> {
  const waitMs = await limiter.reserve(slots, windowMs);
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}
