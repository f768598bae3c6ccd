/**
 * The dialogs' idle timers and today's zero-report cut-off come back on an empty Redis (a fresh
 * prefix: everything lost): a dialog idle past `remind_after` is reminded at once, one idle past
 * `expire_after` after its reminder ends at once, and today's cut-off, which fell due while Redis
 * was empty, runs once at once (the reminder before it is left out: the cut-off reminds). A second
 * loss does not run the cut-off again: the day's run is on file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDayString } from "../../../../src/bot/core/wall-clock.ts";
import type { OfficeConfig } from "../../../../src/config/load.ts";
import { instantOnDay } from "../../../../src/handlers/office/days.ts";
import type { Database } from "../../../../src/store/database.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../support/redis.ts";
import { waitFor } from "../../../support/wait-for.ts";
import { type App, JobStates, OffsetClock, tempDir, timerApp, timerConfig } from "./timer-world.ts";

const SCHEDULES = `zero_report:
  units: [qingshan, baishui, liulin]
  days: daily
  remind_at: "11:00"
  cutoff: "12:00"
`;
const MIN = 60_000;
const TZ = "Asia/Shanghai";
const prefixes = [uniquePrefix("dialog-zero-report-1"), uniquePrefix("dialog-zero-report-2")];

let temp: Awaited<ReturnType<typeof tempDir>>;
let database: Database;
let config: OfficeConfig;
const apps: App[] = [];
const states: JobStates[] = [];

beforeAll(async () => {
  temp = await tempDir("dialog-zero-report");
  database = await openTestDatabase();
  config = await timerConfig(temp.dir, "5m", [], SCHEDULES);
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close().catch(() => undefined);
  for (const s of states) await s.close();
  await database?.close();
  await temp?.remove();
  for (const prefix of prefixes) await deletePrefixedKeys(prefix);
});

async function start(prefix: string, clock: OffsetClock): Promise<JobStates> {
  apps.push(
    await timerApp({ config, prisma: database.prisma, redisUrl: testRedisUrl(), queuePrefix: prefix, clock }),
  );
  const s = new JobStates(testRedisUrl(), prefix);
  states.push(s);
  return s;
}

describe("dialog and zero-report timers", () => {
  it("are rebuilt: the idle reminder and expiry at once, today's missed cut-off once", async () => {
    const { prisma } = database;
    // The clock reads 12:00:30 local today: the 11:00 reminder and the 12:00 cut-off have passed.
    const clock = new OffsetClock();
    const day = localDayString(new Date(), TZ);
    const cutoff = instantOnDay(day, { hour: 12, minute: 0 }, TZ);
    const remindAt = instantOnDay(day, { hour: 11, minute: 0 }, TZ);
    clock.offsetMs = cutoff.getTime() + 30_000 - Date.now();
    const now = clock.now();
    const yesterday = localDayString(new Date(cutoff.getTime() - 24 * 60 * MIN), TZ);
    // The bot ran both yesterday; 青山镇 has reported today.
    await prisma.dailyJobRun.createMany({
      data: ["zero-report-cutoff", "zero-report-remind"].map((job) => ({
        job,
        day: yesterday,
        ranAt: cutoff,
      })),
    });
    await prisma.dailyReport.create({
      data: {
        unitId: "qingshan",
        day,
        status: "on_time",
        kind: "zero",
        reporterId: "zhangsan",
        reportedAt: now,
        recordedAt: now,
      },
    });
    const session = (id: string, chatId: string, personId: string, idleMs: number, reminded: boolean) =>
      prisma.dialogSession.create({
        data: {
          id,
          chatId,
          personId,
          dialogId: "incident.first-report",
          stepId: "location",
          data: {},
          history: [],
          platform: "console",
          startedAt: new Date(now.getTime() - idleMs),
          lastActiveAt: new Date(now.getTime() - idleMs),
          remindedAt: reminded ? new Date(now.getTime() - idleMs + 10 * MIN) : null,
        },
      });
    // Idle 10 min 5 s (remind_after 10m): to be reminded. Idle 31 min, reminded (expire_after 30m): to end.
    await session("s-remind", "qingshan-work", "zhangsan", 10 * MIN + 5_000, false);
    await session("s-expire", "baishui-work", "lisi", 31 * MIN, true);

    const first = await start(prefixes[0] as string, clock);
    const cutoffRun = `daily-zero-report-cutoff-${cutoff.getTime()}-run`;
    await waitFor("the cut-off to run", () =>
      prisma.dailyJobRun.findUnique({ where: { job_day: { job: "zero-report-cutoff", day } } }),
    );
    await waitFor(
      "the idle reminder",
      async () => (await prisma.dialogSession.findUnique({ where: { id: "s-remind" } }))?.remindedAt,
    );
    await waitFor(
      "the expiry",
      async () => (await prisma.dialogSession.findUnique({ where: { id: "s-expire" } })) === null,
    );
    await waitFor("the messages", async () => {
      const rows = await prisma.consoleMessage.count({
        where: { idempotencyKey: { startsWith: "dialog-" } },
      });
      return rows >= 2;
    });
    expect(await first.of(cutoffRun)).toBe("completed");
    expect(await first.of(`daily-zero-report-remind-${remindAt.getTime()}-run`)).toBe("unknown");
    const missed = await prisma.dailyReport.findMany({
      where: { day, status: "missed" },
      orderBy: { unitId: "asc" },
    });
    expect(missed.map((r) => r.unitId)).toEqual(["baishui", "liulin"]);
    const cutoffSends = () =>
      prisma.consoleMessage.count({ where: { idempotencyKey: { startsWith: `${cutoffRun}-` } } });
    const sent = await cutoffSends();
    expect(sent).toBeGreaterThan(0);
    const dialogSends = await prisma.consoleMessage.findMany({
      where: { idempotencyKey: { startsWith: "dialog-" } },
      select: { chatId: true, text: true },
      orderBy: { id: "asc" },
    });
    expect(dialogSends.map((m) => m.chatId).sort()).toEqual(["baishui-work", "qingshan-work"]);
    expect(dialogSends.find((m) => m.chatId === "baishui-work")?.text).toContain("已自动结束");

    // Lost again (a fresh prefix), same day: the cut-off ran, nothing is rebuilt for it.
    await (apps.at(-1) as App).close();
    const second = await start(prefixes[1] as string, clock);
    expect(await second.of(cutoffRun)).toBe("unknown");
    expect(await second.of(`dialog-s-remind-idle-${now.getTime() - 10 * MIN - 5_000 + 30 * MIN}`)).toBe(
      "delayed",
    );
    expect(await cutoffSends()).toBe(sent);
    console.log(
      `[timers] cut-off ${day} run once (${sent} sends), 2 dialog timers fired, missed: ${missed.length}`,
    );
  }, 60_000);
});
