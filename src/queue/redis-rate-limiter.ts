/**
 * {@link RateLimiter} on Redis: a sliding window per key (a sorted set of slot times, Redis's own
 * clock), checked and taken in one Lua script, so every process shares the same count.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { RateLimiter } from "../bot/core/rate-limiter.ts";

const TAKE_SLOT = `
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, window)
  return 0
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

export class RedisRateLimiter implements RateLimiter {
  private counter = 0;
  private readonly id = randomBytes(4).toString("hex");

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async tryTake(key: string, limit: number, windowMs: number): Promise<number> {
    this.counter += 1;
    const member = `${this.id}-${this.counter}`;
    const result = await this.redis.eval(TAKE_SLOT, 1, `${this.prefix}:rate:${key}`, limit, windowMs, member);
    return Number(result);
  }
}
