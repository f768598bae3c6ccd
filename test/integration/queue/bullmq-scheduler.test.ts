/**
 * The production Scheduler on real BullMQ (test Redis, a queue prefix per test): a key scheduled
 * twice is one job, cancel removes it, and a job fires through the job worker and the JobRegistry
 * at about its time, seeing its own key and validated data.
 */
import type { Worker } from "bullmq";
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConsoleHistory } from "../../../src/bot/adapters/console/console-history.ts";
import { ConsoleSink } from "../../../src/bot/adapters/console/console-sink.ts";
import type { JobHandler } from "../../../src/bot/core/capability.ts";
import { Directory } from "../../../src/bot/core/directory.ts";
import { JobRegistry } from "../../../src/bot/core/job-registry.ts";
import { type ScheduledJob, systemClock } from "../../../src/bot/core/ports.ts";
import type { BotServices } from "../../../src/bot/core/services.ts";
import { BullmqScheduler } from "../../../src/queue/bullmq-scheduler.ts";
import { startJobWorker } from "../../../src/queue/job-worker.ts";
import { safeJobId } from "../../../src/queue/queue-names.ts";
import { createRedis } from "../../../src/queue/redis-connection.ts";
import { QueuedMessenger } from "../../../src/queue/send-queue.ts";
import type { Database } from "../../../src/store/database.ts";
import { sampleConfig, silentLog } from "../../support/app.ts";
import { openTestDatabase } from "../../support/database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../support/redis.ts";
import { waitFor } from "../../support/wait-for.ts";

interface Fired {
  key: string;
  note: string;
  at: number;
}

let prefix: string;
let redis: Redis;
let workerRedis: Redis;
let database: Database;
let scheduler: BullmqScheduler;
let messenger: QueuedMessenger;
let services: BotServices;
let worker: Worker | undefined;
let fired: Fired[];

/** A job handler as a capability would register it: records when it ran and what it saw. */
const recordJob: JobHandler<z.ZodObject<{ note: z.ZodString }>> = {
  name: "test.record",
  schema: z.object({ note: z.string() }),
  async run(ctx, data) {
    fired.push({ key: ctx.key, note: data.note, at: Date.now() });
  },
};

const record = (note: string): ScheduledJob => ({ name: recordJob.name, data: { note } });

/** A job that always throws, as a job whose database is gone would. */
const brokenJob: JobHandler<z.ZodObject<{ note: z.ZodString }>> = {
  name: "test.broken",
  label: "测试提醒",
  schema: z.object({ note: z.string() }),
  async run() {
    throw new Error("数据库连接断开");
  },
};

beforeEach(async () => {
  prefix = uniquePrefix("bullmq-scheduler");
  redis = createRedis(testRedisUrl());
  workerRedis = createRedis(testRedisUrl());
  database = await openTestDatabase();
  const config = await sampleConfig();
  // Short retry waits: a failing job gives up within a second.
  scheduler = new BullmqScheduler(redis, prefix, systemClock, { attempts: 5, backoffMs: 20 });
  const directory = new Directory(config.org);
  const consoleHistory = new ConsoleHistory(database.prisma, directory, () => new Date());
  messenger = new QueuedMessenger(redis, prefix, [new ConsoleSink(consoleHistory, directory)]);
  services = {
    directory,
    messenger,
    scheduler,
    clock: systemClock,
    database: database.prisma,
    log: silentLog,
  };
  fired = [];
});

afterEach(async () => {
  await worker?.close();
  worker = undefined;
  await scheduler.close();
  await messenger.close();
  await Promise.all([redis.quit(), workerRedis.quit()]);
  await database.close();
  await deletePrefixedKeys(prefix);
});

function startWorker(): Worker {
  worker = startJobWorker({
    connection: workerRedis,
    prefix,
    registry: new JobRegistry([recordJob, brokenJob]),
    services,
    dutyChatId: "duty",
  });
  return worker;
}

describe("BullmqScheduler", () => {
  it("keeps one job when the same key is scheduled twice", async () => {
    const key = "incident-42-first-written-due";
    await scheduler.schedule(key, new Date(Date.now() + 60_000), record("first"));
    await scheduler.schedule(key, new Date(Date.now() + 120_000), record("second"));

    const delayed = await scheduler.queue.getDelayed();
    expect(delayed).toHaveLength(1);
    expect(delayed[0]?.id).toBe(safeJobId(key));
    expect(delayed[0]?.data).toEqual({ ...record("first"), key });
    expect(await scheduler.queue.getJobCounts("delayed", "waiting")).toEqual({ delayed: 1, waiting: 0 });
  });

  it("cancel removes a waiting job, and cancelling an unknown key is harmless", async () => {
    await scheduler.schedule("keep", new Date(Date.now() + 60_000), record("keep"));
    await scheduler.schedule("drop", new Date(Date.now() + 60_000), record("drop"));

    await scheduler.cancel("drop");
    await scheduler.cancel("never-scheduled");

    expect(await scheduler.queue.getJob(safeJobId("drop"))).toBeUndefined();
    expect((await scheduler.queue.getDelayed()).map((job) => job.id)).toEqual([safeJobId("keep")]);
  });

  it("can schedule a key again after cancelling it", async () => {
    await scheduler.schedule("again", new Date(Date.now() + 60_000), record("one"));
    await scheduler.cancel("again");
    await scheduler.schedule("again", new Date(Date.now() + 60_000), record("two"));
    expect((await scheduler.queue.getDelayed()).map((job) => job.data)).toEqual([
      { ...record("two"), key: "again" },
    ]);
  });

  it("fires a job through the worker and the registry at about its time", async () => {
    startWorker();
    const due = Date.now() + 1500;
    await scheduler.schedule("dialog-abc-idle-1", new Date(due), record("due"));

    await waitFor("the job to fire", () => fired.length > 0, { timeoutMs: 15_000 });

    expect(fired).toHaveLength(1);
    expect(fired[0]?.key).toBe("dialog-abc-idle-1");
    expect(fired[0]?.note).toBe("due");
    // Not early; late only by BullMQ's polling of delayed jobs.
    expect(fired[0]?.at).toBeGreaterThanOrEqual(due - 50);
    expect(fired[0]?.at).toBeLessThan(due + 5000);
  });

  it("does not fire a cancelled job", async () => {
    startWorker();
    await scheduler.schedule("cancelled", new Date(Date.now() + 300), record("cancelled"));
    await scheduler.schedule("sentinel", new Date(Date.now() + 800), record("sentinel"));
    await scheduler.cancel("cancelled");

    await waitFor("the sentinel job", () => fired.some((f) => f.note === "sentinel"), { timeoutMs: 15_000 });
    expect(fired.map((f) => f.note)).toEqual(["sentinel"]);
  });

  it("does not run a key again when it is scheduled after it fired", async () => {
    startWorker();
    await scheduler.schedule("once", new Date(), record("once"));
    await waitFor("the job to fire", () => fired.length > 0, { timeoutMs: 15_000 });
    await waitFor(
      "the job to complete",
      async () => (await scheduler.queue.getJob(safeJobId("once")))?.finishedOn,
    );

    await scheduler.schedule("once", new Date(), record("once again"));
    await scheduler.schedule("sentinel", new Date(), record("sentinel"));
    await waitFor("the sentinel job", () => fired.some((f) => f.note === "sentinel"), { timeoutMs: 15_000 });

    expect(fired.map((f) => f.note)).toEqual(["once", "sentinel"]);
  });

  it("fails a job with invalid data at once, without retries", async () => {
    startWorker();
    await scheduler.schedule("broken", new Date(), { name: recordJob.name, data: { note: 7 } });
    await scheduler.schedule("unknown", new Date(), { name: "no.such.job", data: {} });

    await waitFor("both jobs to fail", async () => (await scheduler.queue.getFailedCount()) === 2);
    for (const id of ["broken", "unknown"]) {
      const job = await scheduler.queue.getJob(safeJobId(id));
      expect(job?.attemptsMade, id).toBe(1);
      expect(job?.failedReason, id).toMatch(id === "broken" ? /invalid data/ : /no handler/);
    }
    expect(fired).toEqual([]);
  });

  it("tells the duty group once when a job fails for good, naming what did not happen", async () => {
    startWorker();
    await scheduler.schedule("broken-1", new Date(), { name: brokenJob.name, data: { note: "x" } });
    await scheduler.schedule("unknown-1", new Date(), { name: "no.such.job", data: {} });

    // The notice is queued after the job is marked failed: wait for both notices, not the failures.
    const failureNotices = async () =>
      (await messenger.queueOf("console").getJobs(["waiting", "delayed", "prioritized"]))
        .map((j) => j.data.message)
        .filter((m) => m.idempotencyKey.startsWith("job-failed-"));
    await waitFor("both failure notices", async () => (await failureNotices()).length >= 2);
    const notices = await failureNotices();
    expect(notices.map((m) => [m.chatId, m.idempotencyKey]).sort()).toEqual([
      ["duty", "job-failed-broken-1"],
      ["duty", "job-failed-unknown-1"],
    ]);
    const broken = notices.find((m) => m.idempotencyKey === "job-failed-broken-1");
    expect(broken?.text).toContain("定时任务「测试提醒」（broken-1）重试 5 次仍失败");
    expect(broken?.text).toContain("请值班员人工跟进");
    expect(broken?.text).toContain("数据库连接断开");
  });
});
