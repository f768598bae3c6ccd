/** {@link Lease} on Redis: SET NX PX to take, compare-and-extend to renew, compare-and-delete to release. */
import type { Redis } from "ioredis";
import type { Lease } from "../bot/core/lease.ts";

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

export class RedisLease implements Lease {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const taken = await this.redis.set(this.key(name), holder, "PX", ttlMs, "NX");
    if (taken === "OK") return true;
    return this.renew(name, holder, ttlMs);
  }

  async renew(name: string, holder: string, ttlMs: number): Promise<boolean> {
    return Number(await this.redis.eval(RENEW, 1, this.key(name), holder, ttlMs)) === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(name), holder);
  }

  private key(name: string): string {
    return `${this.prefix}:lease:${name}`;
  }
}
