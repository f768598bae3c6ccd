/**
 * {@link RateLimiter} on Redis: a sliding window per key (a sorted set of slot times on Redis's own
 * clock), every key checked and taken together in one Lua script, so all processes share the count
 * and a call never holds a slot under one key while it waits for another.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { RateLimiter, RateSlot } from "../bot/core/rate-limiter.ts";

const TAKE_SLOTS = `
local window = tonumber(ARGV[1])
local member = ARGV[2]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[2 + i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= limit then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + window - now, 1)
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, member)
  redis.call('PEXPIRE', key, window)
end
return 0
`;

export class RedisRateLimiter implements RateLimiter {
  private counter = 0;
  private readonly id = randomBytes(4).toString("hex");

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async tryTake(slots: readonly RateSlot[], windowMs: number): Promise<number> {
    this.counter += 1;
    const keys = slots.map((s) => `${this.prefix}:rate:${s.key}`);
    const result = await this.redis.eval(
      TAKE_SLOTS,
      keys.length,
      ...keys,
      windowMs,
      `${this.id}-${this.counter}`,
      ...slots.map((s) => s.limit),
    );
    return Number(result);
  }
}
