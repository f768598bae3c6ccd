/**
 * Outbound sends on the real send queue (BullMQ on the test Redis, own prefix) with fake platforms
 * at the outer edge (MessageSink): retries with backoff deliver once, a send that fails for good is
 * kept in the database and reported to the duty chat, and an idempotency key never posts twice.
 */
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConsoleHistory } from "../../../src/bot/adapters/console/console-history.ts";
import { ConsoleSink } from "../../../src/bot/adapters/console/console-sink.ts";
import { Directory } from "../../../src/bot/core/directory.ts";
import type { OutboundMessage } from "../../../src/bot/core/message.ts";
import { type MessageSink, PermanentDeliveryError } from "../../../src/bot/core/message-sink.ts";
import { systemClock } from "../../../src/bot/core/ports.ts";
import { safeJobId } from "../../../src/queue/queue-names.ts";
import { createRedis } from "../../../src/queue/redis-connection.ts";
import {
  QueuedMessenger,
  type SendRetryPolicy,
  type SendWorkers,
  startSendWorker,
} from "../../../src/queue/send-queue.ts";
import type { Database } from "../../../src/store/database.ts";
import { sampleConfig, silentLog } from "../../support/app.ts";
import { openTestDatabase } from "../../support/database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../support/redis.ts";
import { waitFor } from "../../support/wait-for.ts";

/** A fake platform: serves some chats, fails its first `failures` deliveries, records the rest. */
class FakeSink implements MessageSink {
  calls = 0;
  readonly callTimes: number[] = [];
  readonly delivered: OutboundMessage[] = [];

  constructor(
    readonly name: string,
    private readonly chats: string[] | "all",
    private readonly failures: number | "always",
    private readonly makeError: () => Error = () => new Error("platform answered 502"),
  ) {}

  serves(chatId: string): boolean {
    return this.chats === "all" || this.chats.includes(chatId);
  }

  async deliver(message: OutboundMessage): Promise<void> {
    this.calls += 1;
    this.callTimes.push(Date.now());
    if (this.failures === "always" || this.calls <= this.failures) throw this.makeError();
    this.delivered.push(message);
  }
}

/** The console's real sink, behind a platform that loses the answer to its first delivery (a timeout after the write). */
class LostAnswerSink implements MessageSink {
  readonly name = "console";
  calls = 0;

  constructor(private readonly inner: ConsoleSink) {}

  serves(chatId: string): boolean {
    return this.inner.serves(chatId);
  }

  async deliver(message: OutboundMessage): Promise<void> {
    this.calls += 1;
    await this.inner.deliver(message);
    if (this.calls === 1) throw new Error("timeout waiting for the platform's answer");
  }
}

const FAST_RETRY: SendRetryPolicy = { attempts: 4, backoffMs: 20 };

let prefix: string;
let redis: Redis;
let workerRedis: Redis;
let database: Database;
let directory: Directory;
let messenger: QueuedMessenger | undefined;
let worker: SendWorkers | undefined;

beforeEach(async () => {
  prefix = uniquePrefix("send-queue");
  redis = createRedis(testRedisUrl());
  workerRedis = createRedis(testRedisUrl());
  database = await openTestDatabase();
  directory = new Directory((await sampleConfig()).org);
});

afterEach(async () => {
  await worker?.close();
  await messenger?.close();
  worker = undefined;
  messenger = undefined;
  await Promise.all([redis.quit(), workerRedis.quit()]);
  await database.close();
  await deletePrefixedKeys(prefix);
});

function start(
  sinks: MessageSink[],
  retry: SendRetryPolicy = FAST_RETRY,
  concurrency?: number,
): QueuedMessenger {
  const queued = new QueuedMessenger(redis, prefix, sinks, retry);
  messenger = queued;
  worker = startSendWorker({
    connection: workerRedis,
    prefix,
    sinks,
    services: { database: database.prisma, log: silentLog, clock: systemClock, directory },
    messenger: queued,
    dutyChatId: "duty",
    ...(concurrency ? { concurrency } : {}),
  });
  return queued;
}

/** A platform whose every delivery waits until the test opens the gate (WeChat pacing its posts, say). */
class GatedSink extends FakeSink {
  private open!: () => void;
  readonly gate = new Promise<void>((resolve) => {
    this.open = resolve;
  });
  waiting = 0;

  override async deliver(message: OutboundMessage): Promise<void> {
    this.waiting += 1;
    await this.gate;
    await super.deliver(message);
  }

  release(): void {
    this.open();
  }
}

/** Waits until nothing is waiting, delayed or running on the send queue. */
async function drained(queued: QueuedMessenger): Promise<void> {
  await waitFor("the send queue to drain", async () => {
    return (await queued.pendingCount()) === 0;
  });
}

const message = (key: string, chatId = "qingshan-work"): OutboundMessage => ({
  chatId,
  text: "明天上午九点前报送防汛值班表",
  idempotencyKey: key,
});

describe("the send queue", () => {
  it("queues a form-only message only for platforms that show forms, and nothing where none does", async () => {
    const plain = new FakeSink("plain", "all", 0);
    const withForms = Object.assign(new FakeSink("forms", "all", 0), { showsForms: true });
    const queued = start([plain, withForms]);

    await queued.send({ ...message("form-1"), formOnly: true });
    await queued.send(message("text-1"));
    await waitFor("the deliveries", () => plain.delivered.length > 0 && withForms.delivered.length > 1);
    await drained(queued);
    expect(withForms.delivered.map((m) => m.idempotencyKey).sort()).toEqual(["form-1", "text-1"]);
    expect(plain.delivered.map((m) => m.idempotencyKey)).toEqual(["text-1"]);
    expect(await queued.queueOf("plain").getJob(safeJobId("form-1-plain"))).toBeUndefined();

    const textOnly = new QueuedMessenger(redis, prefix, [plain]);
    await textOnly.send({ ...message("form-2"), formOnly: true });
    await textOnly.close();
    expect(await queued.queueOf("plain").getJob(safeJobId("form-2-plain"))).toBeUndefined();
  });

  it("delivers exactly once after two failures, backing off in between", async () => {
    const sink = new FakeSink("flaky", "all", 2);
    const queued = start([sink]);

    await queued.send(message("flaky-1"));
    await waitFor("the delivery", () => sink.delivered.length > 0);
    await drained(queued);

    expect(sink.calls).toBe(3);
    expect(sink.delivered).toEqual([message("flaky-1")]);
    // Exponential backoff from 20 ms with at most 20 % jitter: at least 16 ms, then at least 32 ms.
    const [first = 0, second = 0, third = 0] = sink.callTimes;
    expect(second - first).toBeGreaterThanOrEqual(16);
    expect(third - second).toBeGreaterThanOrEqual(32);
    expect(await database.prisma.failedSend.count()).toBe(0);
    const job = await queued.queueOf("flaky").getJob(safeJobId("flaky-1-flaky"));
    expect(await job?.getState()).toBe("completed");
  });

  it("keeps a send that always fails as one FailedSend row and tells the duty chat once", async () => {
    const broken = new FakeSink("broken", ["qingshan-work"], "always");
    const duty = new FakeSink("duty-platform", ["duty"], 0);
    const queued = start([broken, duty], { attempts: 3, backoffMs: 10 });

    await queued.send(message("doomed-1"));
    await waitFor("the failed send to be kept", () => database.prisma.failedSend.findFirst());
    await waitFor("the duty notice", () => duty.delivered.length > 0);
    await drained(queued);

    expect(broken.calls).toBe(3);
    const rows = await database.prisma.failedSend.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      idempotencyKey: "doomed-1-broken",
      platform: "broken",
      chatId: "qingshan-work",
      attempts: 3,
      error: "platform answered 502",
    });
    expect(rows[0]?.message).toMatchObject({ text: message("doomed-1").text });

    expect(duty.delivered).toHaveLength(1);
    const notice = duty.delivered[0];
    expect(notice?.chatId).toBe("duty");
    expect(notice?.idempotencyKey).toBe("send-failed-doomed-1-broken");
    expect(notice?.text).toContain("【发送失败】");
    expect(notice?.text).toContain("青山镇工作群");
    expect(notice?.text).toContain("明天上午九点前报送");
    expect(notice?.text).toContain("platform answered 502");
  });

  it("gives up at once on a permanent delivery error", async () => {
    const broken = new FakeSink(
      "gone",
      ["qingshan-work"],
      "always",
      () => new PermanentDeliveryError("群已解散"),
    );
    const duty = new FakeSink("duty-platform", ["duty"], 0);
    const queued = start([broken, duty]);

    await queued.send(message("gone-1"));
    await waitFor("the duty notice", () => duty.delivered.length > 0);
    await drained(queued);

    expect(broken.calls).toBe(1);
    const row = await database.prisma.failedSend.findFirstOrThrow();
    expect(row).toMatchObject({ idempotencyKey: "gone-1-gone", attempts: 1, error: "群已解散" });
  });

  it("does not report a failed duty notice to the duty chat again", async () => {
    const broken = new FakeSink("broken", "all", "always");
    const queued = start([broken], { attempts: 2, backoffMs: 10 });

    await queued.send(message("loop-1"));
    await waitFor("two failed sends (the message and its notice)", async () =>
      (await database.prisma.failedSend.count()) === 2 ? true : undefined,
    );
    await drained(queued);
    // Give a third notice the chance to appear before looking.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await drained(queued);

    const keys = (await database.prisma.failedSend.findMany()).map((r) => r.idempotencyKey).sort();
    expect(keys).toEqual(["loop-1-broken", "send-failed-loop-1-broken-broken"]);
    expect(broken.calls).toBe(4);
  });

  it("keeps each platform's sends apart: a platform that waits does not hold up another", async () => {
    const slow = new GatedSink("slow", "all", 0);
    const fast = new FakeSink("fast", "all", 0);
    // Two sends at once per platform: with one shared worker the slow platform's waiting sends
    // would take both places and the fast one's would wait behind them.
    const queued = start([slow, fast], FAST_RETRY, 2);

    for (let i = 0; i < 6; i++) await queued.send(message(`both-${i}`, i % 2 ? "qingshan-work" : "duty"));
    await waitFor("the fast platform's six deliveries", () => fast.delivered.length === 6);
    expect(slow.waiting).toBe(2);
    expect(slow.delivered).toHaveLength(0);

    slow.release();
    await waitFor("the slow platform's six deliveries", () => slow.delivered.length === 6);
    await drained(queued);
    expect(slow.delivered.map((m) => m.idempotencyKey).sort()).toEqual(
      fast.delivered.map((m) => m.idempotencyKey).sort(),
    );
  });

  it("refuses a message for a chat no platform serves", async () => {
    const queued = start([new FakeSink("narrow", ["duty"], 0)]);
    await expect(queued.send(message("nowhere-1", "no-such-chat"))).rejects.toThrow(/no-such-chat/);
  });
});

describe("idempotency keys in the console", () => {
  it("never posts twice into the console history, not on a retry nor on a repeated send", async () => {
    const history = new ConsoleHistory(database.prisma, directory, () => new Date());
    const sink = new LostAnswerSink(new ConsoleSink(history, directory));
    const queued = start([sink]);

    await queued.send(message("console-1"));
    await waitFor("the retry", () => sink.calls >= 2);
    await drained(queued);
    // The same message again (a handler run twice): the queue and the history both ignore it.
    await queued.send(message("console-1"));
    await drained(queued);
    await sink.deliver(message("console-1"));

    const rows = await database.prisma.consoleMessage.findMany({ where: { idempotencyKey: "console-1" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.text).toBe(message("console-1").text);
    expect(sink.calls).toBe(3);
    expect(await history.list("qingshan-work")).toHaveLength(1);
  });

  it("posts messages with different keys", async () => {
    const history = new ConsoleHistory(database.prisma, directory, () => new Date());
    const queued = start([new ConsoleSink(history, directory)]);

    await queued.send(message("console-a"));
    await queued.send(message("console-b"));
    await drained(queued);

    expect((await history.list("qingshan-work")).map((m) => m.text)).toHaveLength(2);
  });
});
