/**
 * Binding requests on Redis: one key per platform account, expiring with the code. A value that
 * does not read as a request counts as none (the person asks again).
 */
import type { Redis } from "ioredis";
import { z } from "zod";
import type { BindingRequest, BindingRequestStore } from "../bot/core/binding-request-store.ts";
import { parsedJson } from "./parsed-json.ts";

const bindingRequest: z.ZodType<BindingRequest> = z.object({ personId: z.string(), code: z.string() });

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
    return parsedJson(raw, bindingRequest);
  }

  async remove(platform: string, accountId: string): Promise<void> {
    await this.redis.del(this.key(platform, accountId));
  }

  private key(platform: string, accountId: string): string {
    return `${this.prefix}:binding-request:${platform}:${accountId}`;
  }
}
