/**
 * Port for send rate limits shared by every bot process (Feishu allows 5 sends per second per
 * chat and per person, and 50 per second per app, whoever sends). The Redis implementation lives in
 * `src/queue/redis-rate-limiter.ts`.
 *
 * The platform counts a call when it arrives, which is some time after the call was sent: longer
 * for a call that opens a new connection, or when the bot or the network is busy. So a call's slot
 * counts from when it is sent until its answer is back ("settled": the answer comes after the
 * arrival), and a call waits until the window before it holds fewer than the limit. A call planned
 * for later is checked again when its time comes, against the times calls were really answered.
 */

/** One limit a call counts against: at most `limit` calls per window under `key`. */
export interface RateSlot {
  key: string;
  limit: number;
}

export interface RateLimiter {
  /**
   * Plans the call at the earliest time at which every key has room, after every call already
   * planned under them (so callers go in the order they asked). `waitMs` 0: taken now.
   */
  reserve(slots: readonly RateSlot[], windowMs: number): Promise<{ ticket: string; waitMs: number }>;
  /** At the planned time: takes the slot now if every key still has room, else plans it again and says how long to wait. */
  take(ticket: string, slots: readonly RateSlot[], windowMs: number): Promise<number>;
  /** The call's answer is back: its slot counts from now. */
  settle(ticket: string, slots: readonly RateSlot[], windowMs: number): Promise<void>;
}

/** Runs `call` in a slot under every key: waits for the slot, and settles it when the call is done, failed or not. */
export async function withSlots<T>(
  limiter: RateLimiter,
  slots: readonly RateSlot[],
  windowMs: number,
  call: () => Promise<T>,
): Promise<T> {
  const reserved = await limiter.reserve(slots, windowMs);
  let waitMs = reserved.waitMs;
  while (waitMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    waitMs = await limiter.take(reserved.ticket, slots, windowMs);
  }
  try {
    return await call();
  } finally {
    // Unsettled, the slot still counts from when the call was sent, and runs out a window later.
    await limiter.settle(reserved.ticket, slots, windowMs).catch(() => undefined);
  }
}
