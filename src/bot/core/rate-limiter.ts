/**
 * Port for send rate limits shared by every bot process (Feishu allows 5 sends per second per
 * chat and per person, and 50 per second per app, whoever sends). An adapter asks for its slots
 * before each call; the Redis implementation lives in `src/queue/redis-rate-limiter.ts`.
 */

/** One limit a call counts against: at most `limit` calls per window under `key`. */
export interface RateSlot {
  key: string;
  limit: number;
}

export interface RateLimiter {
  /**
   * Takes a slot under every key if each had fewer than its limit in the last `windowMs`, and
   * returns 0; otherwise takes none and returns how many ms to wait before asking again.
   */
  tryTake(slots: readonly RateSlot[], windowMs: number): Promise<number>;
}

/** Waits until a slot under every key is free, then takes them all at once. */
export async function takeSlots(
  limiter: RateLimiter,
  slots: readonly RateSlot[],
  windowMs: number,
): Promise<void> {
  for (;;) {
    const waitMs = await limiter.tryTake(slots, windowMs);
    if (waitMs <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}
