/**
 * Redis loses its data while timers wait: three incidents at escalation levels 0, 1 and 2 and a
 * 批示 chase. A first app runs until the level-2 incident's check has fired (so a timer that already
 * ran exists), is closed, the test's own Redis is flushed, time moves on 5 s (the clock port), and a
 * second app starts on the same database and Redis: every pending timer is rebuilt from the
 * database; the one due while Redis was empty fires at once, the others at their time, and none
 * fires twice (timeline rows per level and round).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RedisServerProcess } from "../../../../src/app/redis-server/redis-server-process.ts";
import type { OfficeConfig } from "../../../../src/config/load.ts";
import type { Database } from "../../../../src/store/database.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { uniquePrefix } from "../../../support/redis.ts";
import { waitFor } from "../../../support/wait-for.ts";
import {
  type App,
  escalated,
  escalationsByLevel,
  fileIncident,
  fileInstruction,
  flushAll,
  OffsetClock,
  ownRedis,
  rebuildLog,
  tempDir,
  timerApp,
  timerConfig,
} from "./timer-world.ts";

const ACK_WITHIN = 10_000;
const CHASE_AFTER = 20_000;
const DOWNTIME = 5_000;

let temp: Awaited<ReturnType<typeof tempDir>>;
let redis: RedisServerProcess;
let database: Database;
let config: OfficeConfig;
const apps: App[] = [];

beforeAll(async () => {
  temp = await tempDir("redis-lost");
  redis = await ownRedis(temp.dir);
  database = await openTestDatabase();
  config = await timerConfig(temp.dir, "10s", [[["instructions", "chase_after"], "20s"]]);
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close().catch(() => undefined);
  await database?.close();
  await redis?.stop();
  await temp?.remove();
});

/** The first of some times in ms (NaN when there is none: the assertions then fail). */
const firstAt = (times: Date[] | undefined) => times?.[0]?.getTime() ?? Number.NaN;

describe("timers after Redis lost its data", () => {
  it("are rebuilt from the database at the restart: each fires once, at its time", async () => {
    const { prisma } = database;
    const prefix = uniquePrefix("redis-lost");
    const clock = new OffsetClock();
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    // Level 0: alerted 5 s ago, its first check due in 5 s (while Redis is empty).
    const i1 = await fileIncident(prisma, at(-60_000), { alertedAt: at(-5_000) });
    // Level 1: escalated just now, the level-2 check due in 10 s.
    const i2 = await fileIncident(prisma, at(-60_000), { alertedAt: at(-30_000) });
    await escalated(prisma, i2, 1, at(0));
    // Level 2: escalated 10 s ago, the level-3 check due now (it fires on the first app).
    const i3 = await fileIncident(prisma, at(-60_000), { alertedAt: at(-40_000) });
    await escalated(prisma, i3, 2, at(-ACK_WITHIN));
    // Acknowledged; its 批示 was given 12 s ago, chase 1 due in 8 s.
    const i4 = await fileIncident(prisma, at(-60_000), {
      acknowledgedAt: at(-50_000),
      acknowledgedBy: "li-shuji",
    });
    const instruction = await fileInstruction(prisma, i4.id, at(-12_000));
    // Moved on: acknowledged, and a 批示 everyone confirmed.
    const i5 = await fileIncident(prisma, at(-60_000), {
      acknowledgedAt: at(-50_000),
      acknowledgedBy: "li-shuji",
    });
    const done = await fileInstruction(prisma, i5.id, at(-40_000), { completedAt: at(-30_000) }, true);

    const first = await timerApp({ config, prisma, redisUrl: redis.url, queuePrefix: prefix, clock });
    apps.push(first);
    await waitFor("the level-3 check to fire on the first app", async () =>
      (await escalationsByLevel(prisma, i3.id)).has(3),
    );
    await first.close();
    const firstClosedAt = Date.now() - t0;

    await flushAll(redis.url);
    clock.offsetMs = DOWNTIME;
    const { log, rebuilds } = rebuildLog();
    const second = await timerApp({ config, prisma, redisUrl: redis.url, queuePrefix: prefix, clock, log });
    apps.push(second);
    const restartedAt = clock.now().getTime() - t0;

    const level3 = firstAt((await escalationsByLevel(prisma, i3.id)).get(3));
    const expected = [
      { incident: i1, level: 1, due: -5_000 + ACK_WITHIN },
      { incident: i2, level: 2, due: ACK_WITHIN },
      { incident: i3, level: 4, due: level3 - t0 + ACK_WITHIN },
    ];
    await waitFor(
      "every rebuilt check and the chase to fire",
      async () => {
        for (const { incident, level } of expected)
          if (!(await escalationsByLevel(prisma, incident.id)).has(level)) return false;
        return (
          (await prisma.instruction.findUniqueOrThrow({ where: { id: instruction.id } })).chaseCount >= 1
        );
      },
      { timeoutMs: 25_000, intervalMs: 100 },
    );
    await second.close();

    const figures: string[] = [];
    for (const { incident, level, due } of expected) {
      const levels = await escalationsByLevel(prisma, incident.id);
      for (const [l, times] of levels)
        expect(times, `incident ${incident.number} level ${l}`).toHaveLength(1);
      const fired = firstAt(levels.get(level)) - t0;
      const dueNow = Math.max(due, restartedAt);
      expect(fired, `level ${level} of ${incident.number}`).toBeGreaterThanOrEqual(due - 50);
      expect(fired - dueNow, `level ${level} of ${incident.number} late`).toBeLessThan(4_000);
      figures.push(`${incident.number} L${level} due ${due} fired ${fired}`);
    }
    // The first app fired level 3 once; it was not fired again after the flush.
    expect((await escalationsByLevel(prisma, i3.id)).get(3)).toHaveLength(1);
    const chased = await prisma.timelineEntry.findMany({ where: { incidentId: i4.id, kind: "chased" } });
    expect(chased).toHaveLength(1);
    const chaseFired = firstAt(chased.map((c) => c.at)) - t0;
    const chaseDue = -12_000 + CHASE_AFTER;
    expect(chaseFired).toBeGreaterThanOrEqual(chaseDue - 50);
    expect(chaseFired - Math.max(chaseDue, restartedAt)).toBeLessThan(4_000);
    // Nothing was rebuilt for what moved on: no check after 已阅, no chase of a confirmed 批示.
    expect(await escalationsByLevel(prisma, i5.id)).toEqual(new Map());
    expect(await escalationsByLevel(prisma, i4.id)).toEqual(new Map());
    expect(await prisma.timelineEntry.count({ where: { incidentId: i5.id, kind: "chased" } })).toBe(0);
    expect((await prisma.instruction.findUniqueOrThrow({ where: { id: done.id } })).chaseCount).toBe(0);
    // Rebuilt at the restart: the three checks at their levels and the chase; no relay (it ran).
    expect(rebuilds[0]?.reason).toBe("start");
    expect(rebuilds[0]?.timers).toMatchObject({ "incident.ack-check": 3, "instruction.chase": 1 });
    expect(rebuilds[0]?.timers["instruction.relay"]).toBeUndefined();
    console.log(
      `[timers] rebuilt ${JSON.stringify(rebuilds[0]?.timers)}; first app closed at ${firstClosedAt} ms, restarted at ${restartedAt} ms (clock); ${figures.join("; ")}; chase 1 due ${chaseDue} fired ${chaseFired}`,
    );
  }, 90_000);
});
