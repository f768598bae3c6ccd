/** Binding requests on Redis: one key per platform account, expiring with the code. */
import type { Redis } from "ioredis";
import type { BindingRequest, BindingRequestStore } from "../bot/core/binding-requests.ts";

export class RedisBindingRequestStore implements BindingRequestStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async put(platform: string, accountId: string, request: BindingRequest, ttlMs: number): Promise<void> {
    await this.redis.set(this.key(platform, accountId), JSON.stringify(request), "PX", ttlMs);
  }

  async get(platform: string, accountId: string): Promise<BindingRequest | null> {
    const raw = await this.redis.get(this.key(platform, accountId));
    return raw ? (JSON.parse(raw) as BindingRequest) : null;
  }

  async remove(platform: string, accountId: string): Promise<void> {
    await this.redis.del(this.key(platform, accountId));
  }

  private key(platform: string, accountId: string): string {
    return `${this.prefix}:binding-request:${platform}:${accountId}`;
  }
}
