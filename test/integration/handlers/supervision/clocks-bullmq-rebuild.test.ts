/**
 * The 督办 timers on the production scheduler (BullMQ on Redis): an app started over tasks in many
 * states (Redis empty: everything lost) schedules each part's pending clocks and nothing already
 * done or moved on; a restart on the same Redis finds them still waiting and adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OfficeConfig } from "../../../../src/config/load.ts";
import { partTimerKeys } from "../../../../src/handlers/supervision/clocks/part-timers.ts";
import { TaskStore } from "../../../../src/handlers/supervision/task-store.ts";
import type { SupervisionPart } from "../../../../src/handlers/supervision/task-types.ts";
import type { Database } from "../../../../src/store/database.ts";
import { sampleConfig } from "../../../support/app.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../support/redis.ts";
import { type App, JobStates, OffsetClock, rebuildLog, timerApp } from "../../app/timers/timer-world.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const prefix = uniquePrefix("clocks-bullmq");
let database: Database;
let config: OfficeConfig;
const apps: App[] = [];
let states: JobStates | undefined;

beforeAll(async () => {
  database = await openTestDatabase();
  config = await sampleConfig();
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close().catch(() => undefined);
  await states?.close();
  await database?.close();
  await deletePrefixedKeys(prefix);
});

describe("the 督办 timers on BullMQ", () => {
  it("are scheduled from the database when Redis is empty, and kept through a restart", async () => {
    const { prisma } = database;
    const store = new TaskStore(prisma);
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    const file = async (key: string, createdAt: Date, dueAt: Date, fields: Partial<SupervisionPart> = {}) => {
      const { task } = await store.create({
        sourceKey: key,
        content: "报送防汛物资储备情况",
        assignerId: "li-shuji",
        chatId: "leaders",
        createdAt,
        dueAt,
        year: 2026,
        units: [{ unitId: "qingshan", role: "lead" }],
      });
      const part = task.parts[0] as SupervisionPart;
      await prisma.supervisionPart.update({
        where: { id: part.id },
        data: { notifiedAt: createdAt, ...fields },
      });
      return { task, part: { ...part, ...fields } };
    };
    // Filed an hour ago, unsigned, due in 5 h: signing check, 催办 and 督办 round 1 all ahead.
    const fresh = await file("fresh", at(-HOUR), at(5 * HOUR));
    // Signed and already urged for its deadline (in 1 h): only 督办 round 1.
    const urged = await file("urged", at(-6 * HOUR), at(HOUR), { signedAt: at(-5 * HOUR) });
    await store.addEvent(urged.task.id, {
      kind: "urged",
      at: at(-HOUR),
      actorId: null,
      unitId: "qingshan",
      detail: { dueAt: at(HOUR).toISOString() },
    });
    // Unsigned but already reminded, 督办 twice, due 36 h ago: round 3 (in 12 h), no signing check.
    const overdue = await file("overdue", at(-2 * DAY), at(-36 * HOUR), {
      overdueNotices: 2,
      overdueAt: at(-36 * HOUR),
    });
    await store.addEvent(overdue.task.id, {
      kind: "sign_reminded",
      at: at(-46 * HOUR),
      actorId: null,
      unitId: "qingshan",
    });
    // Closed: nothing.
    const closed = await file("closed", at(-HOUR), at(5 * HOUR), { closedAt: at(-1_000) });

    const { log, rebuilds } = rebuildLog();
    const start = async (withLog = false) => {
      const app = await timerApp({
        config,
        prisma,
        redisUrl: testRedisUrl(),
        queuePrefix: prefix,
        clock: new OffsetClock(),
        ...(withLog && { log }),
      });
      apps.push(app);
      return app;
    };
    await start(true);
    states = new JobStates(testRedisUrl(), prefix);
    const s = states;
    const expected: Record<string, string> = {
      [partTimerKeys.sign(fresh.part.id)]: "delayed",
      [partTimerKeys.remind(fresh.part.id, fresh.part.dueAt)]: "delayed",
      [partTimerKeys.overdue(fresh.part.id, fresh.part.dueAt, 1)]: "delayed",
      [partTimerKeys.notify(fresh.part.id)]: "unknown",
      [partTimerKeys.sign(urged.part.id)]: "unknown",
      [partTimerKeys.remind(urged.part.id, urged.part.dueAt)]: "unknown",
      [partTimerKeys.overdue(urged.part.id, urged.part.dueAt, 1)]: "delayed",
      [partTimerKeys.sign(overdue.part.id)]: "unknown",
      [partTimerKeys.remind(overdue.part.id, overdue.part.dueAt)]: "unknown",
      [partTimerKeys.overdue(overdue.part.id, overdue.part.dueAt, 2)]: "unknown",
      [partTimerKeys.overdue(overdue.part.id, overdue.part.dueAt, 3)]: "delayed",
      [partTimerKeys.sign(closed.part.id)]: "unknown",
      [partTimerKeys.overdue(closed.part.id, closed.part.dueAt, 1)]: "unknown",
    };
    const read = async () => {
      const actual: Record<string, string> = {};
      for (const key of Object.keys(expected)) actual[key] = await s.of(key);
      return actual;
    };
    expect(await read()).toEqual(expected);
    expect(rebuilds[0]?.timers).toMatchObject({
      "supervision.sign-check": 1,
      "supervision.remind": 1,
      "supervision.overdue": 3,
    });

    // A restart on the same Redis: the same jobs wait, at the same keys.
    await (apps.at(-1) as App).close();
    await start();
    expect(await read()).toEqual(expected);
  }, 60_000);
});
