/**
 * {@link RateLimiter} on Redis: a sliding window per key, a sorted set of call times on Redis's own
 * clock, shared by every process. A call's entry is its planned time until it is taken, the time
 * it was taken while it runs, and the time its answer came back once settled. Each step is one Lua
 * script over every key of the call, so a call never holds a slot under one key while it waits for
 * another. A key lives a window past its latest entry.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { RateLimiter, RateSlot } from "../bot/adapters/common/rate-limiter.ts";

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/** Sets `member`'s time in every key, keeping each key at least a window past that time. */
const PLACE = `
local function place(at, now, window, member)
  for _, key in ipairs(KEYS) do
    redis.call('ZADD', key, at, member)
    local ttl = at - now + window
    if redis.call('PTTL', key) < ttl then redis.call('PEXPIRE', key, ttl) end
  end
end
`;

/** The earliest time after every entry at which each key has room (entries in the window before it < limit). */
const RESERVE = `${NOW}${PLACE}
local window = tonumber(ARGV[1])
local member = ARGV[2]
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
place(at, now, window, member)
return at - now
`;

/** Takes the slot now if the window before now holds fewer than the limit besides this call; else plans it when it will. */
const TAKE = `${NOW}${PLACE}
local window = tonumber(ARGV[1])
local member = ARGV[2]
local wait = 0
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[2 + i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local times = {}
  local entries = redis.call('ZRANGEBYSCORE', key, '(' .. (now - window), now, 'WITHSCORES')
  for j = 1, #entries, 2 do
    if entries[j] ~= member then times[#times + 1] = tonumber(entries[j + 1]) end
  end
  if #times >= limit then
    wait = math.max(wait, times[#times - limit + 1] + window - now, 1)
  end
end
place(now + wait, now, window, member)
return wait
`;

/** The call is answered: its entry counts from now. */
const SETTLE = `${NOW}${PLACE}
local window = tonumber(ARGV[1])
local member = ARGV[2]
place(now, now, window, member)
return 0
`;

type Script = (keyCount: number, ...args: (string | number)[]) => Promise<number>;

const SCRIPTS = { kuaibaoRateReserve: RESERVE, kuaibaoRateTake: TAKE, kuaibaoRateSettle: SETTLE };

export class RedisRateLimiter implements RateLimiter {
  private counter = 0;
  private readonly id = randomBytes(4).toString("hex");
  private readonly scripts: Record<keyof typeof SCRIPTS, Script>;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    // Defined commands are sent as EVALSHA: a script's text travels once, not with every call.
    const commands = redis as unknown as Record<keyof typeof SCRIPTS, Script>;
    for (const [name, lua] of Object.entries(SCRIPTS))
      if (!(name in redis)) redis.defineCommand(name, { lua });
    this.scripts = {
      kuaibaoRateReserve: commands.kuaibaoRateReserve.bind(redis),
      kuaibaoRateTake: commands.kuaibaoRateTake.bind(redis),
      kuaibaoRateSettle: commands.kuaibaoRateSettle.bind(redis),
    };
  }

  async reserve(slots: readonly RateSlot[], windowMs: number): Promise<{ ticket: string; waitMs: number }> {
    this.counter += 1;
    const ticket = `${this.id}-${this.counter}`;
    const waitMs = Number(await this.run("kuaibaoRateReserve", ticket, slots, windowMs));
    return { ticket, waitMs };
  }

  async take(ticket: string, slots: readonly RateSlot[], windowMs: number): Promise<number> {
    return Number(await this.run("kuaibaoRateTake", ticket, slots, windowMs));
  }

  async settle(ticket: string, slots: readonly RateSlot[], windowMs: number): Promise<void> {
    await this.run("kuaibaoRateSettle", ticket, slots, windowMs);
  }

  private run(script: keyof typeof SCRIPTS, ticket: string, slots: readonly RateSlot[], windowMs: number) {
    const keys = slots.map((s) => `${this.prefix}:rate:${s.key}`);
    return this.scripts[script](keys.length, ...keys, windowMs, ticket, ...slots.map((s) => s.limit));
  }
}
