/**
 * A redis-server of one test's own (nothing written to disk), for tests that make Redis fail for
 * real: `refuseWrites` sets `maxmemory` below what the server holds, so every write is answered
 * with an OOM error at once (the server keeps `noeviction`), while reads and deletes still work;
 * `acceptWrites` lifts it. The shared test Redis cannot be used for that: other tests write to it.
 */
import { Redis } from "ioredis";
import { startThrowawayRedis } from "./throwaway-redis.ts";

export interface PrivateRedis {
  url: string;
  /** A client of the test's own, to look at or remove keys. */
  admin: Redis;
  /** Every write from now on fails with `OOM command not allowed`. */
  refuseWrites(): Promise<void>;
  acceptWrites(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const running = await startThrowawayRedis("private-redis", () => {});
  const admin = new Redis(running.url, { maxRetriesPerRequest: 1 });
  await admin.config("SET", "maxmemory-policy", "noeviction");
  return {
    url: running.url,
    admin,
    async refuseWrites() {
      await admin.config("SET", "maxmemory", "1");
    },
    async acceptWrites() {
      await admin.config("SET", "maxmemory", "0");
    },
    async stop() {
      admin.disconnect();
      await running.stop();
    },
  };
}
