/**
 * A redis-server of one test's own (nothing written to disk), for tests that make Redis fail for
 * real: `refuseWrites` sets `maxmemory` below what the server holds, so every write is answered
 * with an OOM error at once (the server keeps `noeviction`), while reads and deletes still work;
 * `acceptWrites` lifts it. The shared test Redis cannot be used for that: other tests write to it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { locateRedisServer } from "../../src/queue/redis-binary.ts";
import { findFreePort } from "../../src/queue/redis-port.ts";
import { type RedisServerProcess, startRedisServer } from "../../src/queue/redis-server-process.ts";

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
  const binary = await locateRedisServer({ log: () => {} });
  const dir = await mkdtemp(join(tmpdir(), "kuaibao-private-redis-"));
  let server: RedisServerProcess | undefined;
  for (let attempt = 1; !server; attempt++) {
    try {
      server = await startRedisServer({
        binary: binary.path,
        port: await findFreePort(),
        dir,
        persistence: "none",
      });
    } catch (error) {
      // A free port can be taken by a parallel process before redis-server binds it.
      if (attempt >= 3) throw error;
    }
  }
  const running = server;
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
      await rm(dir, { recursive: true, force: true });
    },
  };
}
