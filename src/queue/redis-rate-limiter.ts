/**
 * {@link RateLimiter} on Redis: a sliding window per key (a sorted set of reserved slot times on
 * Redis's own clock), every key reserved together in one Lua script, so all processes share the
 * count. A caller is given the earliest time that keeps every key within its limit, at or after the
 * last time reserved under it, and waits until then: one script call per send, no polling, and
 * callers go in the order they asked.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { RateLimiter, RateSlot } from "../bot/core/rate-limiter.ts";

const RESERVE_SLOTS = `
local window = tonumber(ARGV[1])
local member = ARGV[2]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local at = now
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[2 + i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count > 0 then
    at = math.max(at, tonumber(redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')[2]))
  end
  if count >= limit then
    local bound = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    at = math.max(at, tonumber(bound[2]) + window)
  end
end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, at, member)
  redis.call('PEXPIRE', key, at - now + window)
end
return at - now
`;

type ReserveCommand = (keyCount: number, ...args: (string | number)[]) => Promise<number>;

export class RedisRateLimiter implements RateLimiter {
  private counter = 0;
  private readonly id = randomBytes(4).toString("hex");
  private readonly reserveSlots: ReserveCommand;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    // A defined command is sent as EVALSHA: the script's text travels once, not with every call.
    if (!("kuaibaoReserveSlots" in redis)) redis.defineCommand("kuaibaoReserveSlots", { lua: RESERVE_SLOTS });
    const command = (redis as unknown as { kuaibaoReserveSlots: ReserveCommand }).kuaibaoReserveSlots;
    this.reserveSlots = command.bind(redis);
  }

  async reserve(slots: readonly RateSlot[], windowMs: number): Promise<number> {
    this.counter += 1;
    const keys = slots.map((s) => `${this.prefix}:rate:${s.key}`);
    const result = await this.reserveSlots(
      keys.length,
      ...keys,
      windowMs,
      `${this.id}-${this.counter}`,
      ...slots.map((s) => s.limit),
    );
    return Number(result);
  }
}
