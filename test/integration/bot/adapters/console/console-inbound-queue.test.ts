/**
 * What a person does in the console goes through the console's inbound queue on Redis, like a
 * Feishu event: the queue's worker hands it to the bot and the caller gets the outcome. Processes
 * on one prefix share the queue: a job taken by another process's worker still answers the one
 * that accepted it, and a job accepted by a process that stopped before handling it is handled by
 * the next one to start.
 */
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createConsolePlatform } from "../../../../../src/app/console-platform.ts";
import type { ConsoleAdapter } from "../../../../../src/bot/adapters/console/console-adapter.ts";
import type { ConsoleInboundJob } from "../../../../../src/bot/adapters/console/console-inbox.ts";
import { Directory } from "../../../../../src/bot/core/directory.ts";
import { systemClock } from "../../../../../src/bot/core/ports.ts";
import { inboundQueueName } from "../../../../../src/queue/queue-names.ts";
import { createRedis } from "../../../../../src/queue/redis-connection.ts";
import type { Database } from "../../../../../src/store/database.ts";
import { sampleConfig, silentLog, startTestApp, type TestApp } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";
import { waitFor } from "../../../../support/wait-for.ts";

const DM = "私聊 张三";
const cleanups: (() => Promise<unknown>)[] = [];

// A file's first PGlite is made and migrated, slow on a busy machine: here, under the hook's time
// limit; closed, it is kept and emptied for the tests.
beforeAll(async () => {
  await (await openTestDatabase()).close();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function redisConnection(): Promise<Redis> {
  const redis = createRedis(testRedisUrl());
  cleanups.push(() => redis.quit());
  return redis;
}

/** The console's inbound queue under `prefix`, to look at its jobs. */
async function consoleQueue(prefix: string): Promise<Queue<ConsoleInboundJob>> {
  const queue = new Queue<ConsoleInboundJob>(inboundQueueName("console"), {
    connection: await redisConnection(),
    prefix,
  });
  cleanups.push(() => queue.close());
  return queue;
}

/**
 * A console of a process whose worker never runs (not started): what it accepts waits on the
 * shared queue for another process's worker.
 */
async function consoleWithoutWorker(database: Database, prefix: string): Promise<ConsoleAdapter> {
  const console = createConsolePlatform({
    redis: await redisConnection(),
    prefix,
    directory: new Directory((await sampleConfig()).org),
    database: database.prisma,
    clock: systemClock,
    log: silentLog,
    shared: true,
  });
  cleanups.push(() => console.close());
  return console;
}

async function botTexts(test: TestApp): Promise<string[]> {
  await test.app.idle();
  return (await test.app.history.list("dm:zhangsan")).filter((m) => m.sender === null).map((m) => m.text);
}

async function startApp(prefix: string, database?: Database): Promise<TestApp> {
  const test = await startTestApp({ prefix, database });
  cleanups.push(() => test.close());
  return test;
}

function newPrefix(): string {
  const prefix = uniquePrefix("console-queue");
  cleanups.push(() => deletePrefixedKeys(prefix));
  return prefix;
}

describe("the console's inbound queue", { timeout: 60_000 }, () => {
  it("hands a say to the queue's worker, and its outcome to the caller", async () => {
    const prefix = newPrefix();
    const test = await startApp(prefix);

    const { message, outcome } = await test.app.inbox.say(DM, "张三", "帮助", "queued-say");
    expect(outcome).toBe("handled");
    expect(message.text).toBe("帮助");
    expect((await botTexts(test)).join("\n")).toContain("上报");

    const [job, ...others] = await (await consoleQueue(prefix)).getCompleted();
    expect(others).toHaveLength(0);
    expect(job?.data.event).toMatchObject({
      platform: "console",
      eventId: "queued-say",
      chatId: "dm:zhangsan",
      senderId: "zhangsan",
      text: "帮助",
    });
    expect(job?.returnvalue).toBe("handled");
  });

  it("answers the process that accepted a say when another process's worker handled it", async () => {
    const prefix = newPrefix();
    const test = await startApp(prefix);
    const accepting = await consoleWithoutWorker(test.database, prefix);

    const { outcome } = await accepting.inbox.say(DM, "张三", "帮助");
    expect(outcome).toBe("handled");
    expect((await botTexts(test)).join("\n")).toContain("上报");
    // Said again under an event id already handled: the pipeline's dedupe drops it, and says so.
    expect((await accepting.inbox.say(DM, "张三", "我是谁", "said-twice")).outcome).toBe("handled");
    expect((await accepting.inbox.say(DM, "张三", "我是谁", "said-twice")).outcome).toBe("duplicate");
  });

  it("handles what a stopped process accepted but never handled, in the next process to start", async () => {
    const prefix = newPrefix();
    const database = await openTestDatabase();
    cleanups.push(() => database.close());
    const stopped = await consoleWithoutWorker(database, prefix);
    const queue = await consoleQueue(prefix);

    const { handled } = await stopped.inbox.receive(DM, "张三", "帮助");
    handled.catch(() => undefined); // its process stops before anyone handles it
    await waitFor("the say on the queue", async () => (await queue.getWaitingCount()) === 1);
    await stopped.close();

    const next = await startApp(prefix, database);
    expect((await botTexts(next)).join("\n")).toContain("上报");
    expect(await queue.getCompletedCount()).toBe(1);
  });
});
