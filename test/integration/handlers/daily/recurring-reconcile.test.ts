/**
 * Daily schedules on real BullMQ job schedulers (test Redis, a prefix per test): reconciling adds
 * entries with a cron pattern in the policy's time zone, updates changed ones, removes ones the
 * config dropped and leaves other schedulers alone; a scheduler's job reaches its handler with the
 * time it was due and a key of its own per occurrence.
 */
import type { Worker } from "bullmq";
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { JobHandler } from "../../../../src/bot/core/capability.ts";
import { Directory } from "../../../../src/bot/core/directory.ts";
import { JobRegistry } from "../../../../src/bot/core/job-registry.ts";
import { type RecurringEntry, systemClock } from "../../../../src/bot/core/ports.ts";
import type { BotServices } from "../../../../src/bot/core/services.ts";
import { instantToLocal } from "../../../../src/bot/core/wall-clock.ts";
import { BullmqRecurring, recurringSchedulerId } from "../../../../src/queue/bullmq-recurring.ts";
import { BullmqScheduler } from "../../../../src/queue/bullmq-scheduler.ts";
import { startJobWorker } from "../../../../src/queue/job-worker.ts";
import { createRedis } from "../../../../src/queue/redis-connection.ts";
import { QueuedMessenger } from "../../../../src/queue/send-queue.ts";
import type { Database } from "../../../../src/store/database.ts";
import { sampleConfig, silentLog } from "../../../support/app.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../support/redis.ts";
import { waitFor } from "../../../support/wait-for.ts";

const TZ = "Asia/Shanghai";
let prefix: string;
let redis: Redis;
let workerRedis: Redis;
let scheduler: BullmqScheduler;
let recurring: BullmqRecurring;
let worker: Worker | undefined;

const entry = (
  id: string,
  hour: number,
  minute: number,
  data: Record<string, unknown> = {},
): RecurringEntry => ({
  id,
  hour,
  minute,
  job: { name: "schedule-tick", data: { scheduleId: id, ...data } },
});

async function schedulers() {
  const list = await scheduler.queue.getJobSchedulers(0, -1, true);
  return Object.fromEntries(list.map((s) => [s.key, s]));
}

beforeEach(() => {
  prefix = uniquePrefix("recurring");
  redis = createRedis(testRedisUrl());
  workerRedis = createRedis(testRedisUrl());
  scheduler = new BullmqScheduler(redis, prefix, systemClock);
  recurring = new BullmqRecurring(scheduler.queue);
});

afterEach(async () => {
  await worker?.close();
  worker = undefined;
  await scheduler.close();
  await Promise.all([redis.quit(), workerRedis.quit()]);
  await deletePrefixedKeys(prefix);
});

describe("BullmqRecurring.reconcile", () => {
  it("adds one job scheduler per entry: cron at the local time, in the time zone, with the job", async () => {
    await recurring.reconcile(
      [entry("morning", 8, 0, { job: "morning-reminder" }), entry("cutoff", 17, 30)],
      TZ,
    );

    const all = await schedulers();
    expect(Object.keys(all).sort()).toEqual([
      recurringSchedulerId("cutoff"),
      recurringSchedulerId("morning"),
    ]);
    const morning = all[recurringSchedulerId("morning")];
    expect(morning?.pattern).toBe("0 8 * * *");
    expect(morning?.tz).toBe(TZ);
    expect(morning?.template?.data).toEqual({
      name: "schedule-tick",
      data: { scheduleId: "morning", job: "morning-reminder" },
      key: "daily-morning",
    });
    expect(all[recurringSchedulerId("cutoff")]?.pattern).toBe("30 17 * * *");
    // The next run is the coming 17:30 in Shanghai.
    const next = new Date(all[recurringSchedulerId("cutoff")]?.next ?? 0);
    expect(instantToLocal(next, TZ)).toMatchObject({ hour: 17, minute: 30 });
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(next.getTime()).toBeGreaterThan(Date.now());
  });

  it("updates changed entries, deletes removed ones, keeps the rest and leaves other schedulers alone", async () => {
    await recurring.reconcile(
      [entry("morning", 8, 0, { v: 1 }), entry("evening", 18, 0), entry("noon", 12, 0, { v: 1 })],
      TZ,
    );
    await scheduler.queue.upsertJobScheduler("someone-else", { every: 3_600_000 }, { name: "other" });

    await recurring.reconcile(
      [entry("morning", 9, 30, { v: 2 }), entry("noon", 12, 0, { v: 1 }), entry("night", 22, 0)],
      TZ,
    );

    const all = await schedulers();
    expect(Object.keys(all).sort()).toEqual(
      [
        recurringSchedulerId("morning"),
        recurringSchedulerId("night"),
        recurringSchedulerId("noon"),
        "someone-else",
      ].sort(),
    );
    const morning = all[recurringSchedulerId("morning")];
    expect(morning?.pattern).toBe("30 9 * * *");
    expect(morning?.template?.data?.data).toEqual({ scheduleId: "morning", v: 2 });
    expect(instantToLocal(new Date(morning?.next ?? 0), TZ)).toMatchObject({ hour: 9, minute: 30 });
    expect(all[recurringSchedulerId("noon")]?.pattern).toBe("0 12 * * *");
    // The removed entry left no delayed job behind either.
    const delayed = await scheduler.queue.getDelayed();
    expect(delayed.some((job) => job.repeatJobKey === recurringSchedulerId("evening"))).toBe(false);
    expect(delayed.filter((job) => job.repeatJobKey === recurringSchedulerId("morning"))).toHaveLength(1);

    await recurring.reconcile([], TZ);
    expect(Object.keys(await schedulers())).toEqual(["someone-else"]);
  });
});

describe("a job scheduler's jobs on the worker", () => {
  let database: Database;
  afterEach(async () => database?.close());

  it("reach the handler with dueAt and one key per occurrence", { timeout: 30_000 }, async () => {
    database = await openTestDatabase();
    const config = await sampleConfig();
    const messenger = new QueuedMessenger(redis, prefix, []);
    const services: BotServices = {
      directory: new Directory(config.org),
      messenger,
      scheduler,
      clock: systemClock,
      database: database.prisma,
      log: silentLog,
    };
    const seen: { key: string; note: string; dueAt: string }[] = [];
    const probe: JobHandler<z.ZodObject<{ note: z.ZodString; dueAt: z.ZodString }>> = {
      name: "test.recurring",
      schema: z.object({ note: z.string(), dueAt: z.string() }),
      async run(ctx, data) {
        seen.push({ key: ctx.key, ...data });
      },
    };
    worker = startJobWorker({
      connection: workerRedis,
      prefix,
      registry: new JobRegistry([probe]),
      services,
    });
    // A fast scheduler of the same shape as ours (a minute-level cron would take too long here).
    await scheduler.queue.upsertJobScheduler(
      recurringSchedulerId("fast"),
      { every: 400 },
      { name: "test.recurring", data: { name: "test.recurring", data: { note: "x" }, key: "daily-fast" } },
    );
    await waitFor("two occurrences", () => seen.length >= 2, { timeoutMs: 15_000 });
    await scheduler.queue.removeJobScheduler(recurringSchedulerId("fast"));
    await messenger.close();

    const [first, second] = seen;
    expect(first?.note).toBe("x");
    expect(first?.key).toBe(`daily-fast-${Date.parse(first?.dueAt ?? "")}`);
    expect(second?.key).not.toBe(first?.key);
    // One interval apart; BullMQ's job timestamp and delay can round the derived time by 1 ms.
    expect(Date.parse(second?.dueAt ?? "") - Date.parse(first?.dueAt ?? "")).toBeGreaterThanOrEqual(399);
  });
});
