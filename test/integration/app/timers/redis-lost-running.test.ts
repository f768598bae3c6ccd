/**
 * Redis loses its data while the app runs (FLUSHALL on the test's own Redis): the marker check
 * notices within its interval and rebuilds the timers without a restart; the pending escalation
 * then fires once, at its time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RedisServerProcess } from "../../../../src/app/redis-server/redis-server-process.ts";
import type { OfficeConfig } from "../../../../src/config/load.ts";
import { redisMarkerKey } from "../../../../src/queue/redis-data-watch.ts";
import type { Database } from "../../../../src/store/database.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { uniquePrefix } from "../../../support/redis.ts";
import { waitFor } from "../../../support/wait-for.ts";
import {
  type App,
  escalationsByLevel,
  fileIncident,
  flushAll,
  JobStates,
  OffsetClock,
  ownRedis,
  rebuildLog,
  tempDir,
  timerApp,
  timerConfig,
} from "./timer-world.ts";

const ACK_WITHIN = 10_000;

let temp: Awaited<ReturnType<typeof tempDir>>;
let redis: RedisServerProcess;
let database: Database;
let config: OfficeConfig;
let app: App | undefined;
let states: JobStates | undefined;

beforeAll(async () => {
  temp = await tempDir("redis-lost-running");
  redis = await ownRedis(temp.dir);
  database = await openTestDatabase();
  config = await timerConfig(temp.dir, "10s");
}, 120_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await states?.close();
  await database?.close();
  await redis?.stop();
  await temp?.remove();
});

describe("Redis losing its data while the app runs", () => {
  it("is noticed by the marker check and the timers are rebuilt without a restart", async () => {
    const { prisma } = database;
    const prefix = uniquePrefix("redis-lost-running");
    const t0 = Date.now();
    // Alerted 2 s ago: the level-1 check is due in 8 s.
    const incident = await fileIncident(prisma, new Date(t0 - 60_000), { alertedAt: new Date(t0 - 2_000) });
    const key = `incident-${incident.id}-ack-1`;
    const { log, rebuilds } = rebuildLog();
    app = await timerApp({
      config,
      prisma,
      redisUrl: redis.url,
      queuePrefix: prefix,
      clock: new OffsetClock(),
      redisDataCheckMs: 100,
      log,
    });
    states = new JobStates(redis.url, prefix);
    expect(await states.of(key)).toBe("delayed");

    await flushAll(redis.url);
    const flushedAt = Date.now() - t0;
    await waitFor("the timers to be rebuilt", async () => (await states?.of(key)) === "delayed");
    expect(await states.exists(redisMarkerKey(prefix))).toBe(true);
    const rebuiltAt = Date.now() - t0;

    await waitFor(
      "the rebuilt check to fire",
      async () => (await escalationsByLevel(prisma, incident.id)).has(1),
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    await app.close();
    app = undefined;
    const levels = await escalationsByLevel(prisma, incident.id);
    expect([...levels.keys()]).toEqual([1]);
    expect(levels.get(1)).toHaveLength(1);
    const fired = (levels.get(1)?.[0]?.getTime() ?? Number.NaN) - t0;
    const due = -2_000 + ACK_WITHIN;
    expect(fired).toBeGreaterThanOrEqual(due - 50);
    expect(fired - due).toBeLessThan(4_000);
    expect(rebuilds.map((r) => r.reason)).toEqual(["start", "redis-data-lost"]);
    expect(rebuilds[1]?.timers["incident.ack-check"]).toBe(1);
    console.log(
      `[timers] rebuilt after the flush ${JSON.stringify(rebuilds[1]?.timers)}; flushed at ${flushedAt} ms, check back on the queue by ${rebuiltAt} ms, due ${due} fired ${fired}`,
    );
  }, 60_000);
});
