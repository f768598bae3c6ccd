/**
 * vitest global setup: one Redis for the whole test run. `REDIS_URL` when given; otherwise our own
 * `redis-server` on a free loopback port with nothing written to disk, stopped at teardown.
 * Tests read the address with `testRedisUrl()` from `./redis.ts`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { locateRedisServer } from "../../src/queue/redis-binary.ts";
import { findFreePort } from "../../src/queue/redis-port.ts";
import { startRedisServer } from "../../src/queue/redis-server-process.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Redis every test uses; each test keeps to its own key prefix. */
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const fromEnv = process.env.REDIS_URL?.trim();
  if (fromEnv) {
    project.provide("redisUrl", fromEnv);
    return undefined;
  }

  const log = (msg: string) => console.log(`[test redis] ${msg}`);
  const binary = await locateRedisServer({ log });
  const dir = await mkdtemp(join(tmpdir(), "kuaibao-test-redis-"));
  let server: Awaited<ReturnType<typeof startRedisServer>> | undefined;
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
      if (attempt >= 3) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  project.provide("redisUrl", server.url);

  const started = server;
  return async () => {
    await started.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
