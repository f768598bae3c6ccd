/**
 * A redis-server on a free loopback port with nothing written to disk, in a temporary folder that
 * `stop` removes: the test run's shared Redis (global setup) and the private ones some tests need.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { locateRedisServer } from "../../src/app/redis-server/redis-binary.ts";
import { findFreePort } from "../../src/app/redis-server/redis-port.ts";
import { startRedisServer } from "../../src/app/redis-server/redis-server-process.ts";

export interface ThrowawayRedis {
  url: string;
  stop(): Promise<void>;
}

export async function startThrowawayRedis(name: string, log: (msg: string) => void): Promise<ThrowawayRedis> {
  const binary = await locateRedisServer({ log });
  const dir = await mkdtemp(join(tmpdir(), `kuaibao-${name}-`));
  for (let attempt = 1; ; attempt++) {
    try {
      const server = await startRedisServer({
        binary: binary.path,
        port: await findFreePort(),
        dir,
        persistence: "none",
      });
      return {
        url: server.url,
        async stop() {
          await server.stop();
          await rm(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      // A free port can be taken by a parallel process before redis-server binds it.
      if (attempt >= 3) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
}
