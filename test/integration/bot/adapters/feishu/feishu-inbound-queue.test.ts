/**
 * Feishu events are queued on Redis before Feishu gets its answer, then handled by the inbound
 * worker: a resend is one job, and an event queued by an app that closed before handling it is
 * handled by the next app on the same Redis keys and database.
 */
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFeishuPlatform } from "../../../../../src/app/feishu-platform.ts";
import { Directory } from "../../../../../src/bot/core/directory.ts";
import { inboundQueueName, safeJobId } from "../../../../../src/queue/queue-names.ts";
import { sampleConfig, silentLog } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";
import { FakeFeishuServer } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { messageEvent } from "../../../../support/fake-feishu/feishu-payloads.ts";
import {
  chatIdOf,
  FAKE_BOT_OPEN_ID,
  openIdOf,
  startFeishuTestApp,
  testSettings,
  VERIFICATION_TOKEN,
  withFeishuIds,
} from "../../../../support/fake-feishu/feishu-test-app.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";

const BOT = { openId: FAKE_BOT_OPEN_ID, name: "快报助手" };
const QINGSHAN = chatIdOf("qingshan-work");

const helpEvent = (messageId: string) =>
  messageEvent({
    chatId: QINGSHAN,
    senderOpenId: openIdOf("zhangsan"),
    text: "@{0} 帮助",
    mentions: [BOT],
    token: VERIFICATION_TOKEN,
    messageId,
  });

const jobIdOf = (messageId: string) => safeJobId(`feishu-msg-${messageId}`);

describe("feishu inbound queue", () => {
  let fake: FakeFeishuServer;
  let redis: Redis;
  const cleanups: (() => Promise<unknown>)[] = [];

  const inboundQueue = (prefix: string) => {
    const queue = new Queue(inboundQueueName("feishu"), { connection: redis, prefix });
    cleanups.push(() => queue.close());
    return queue;
  };

  beforeEach(async () => {
    fake = new FakeFeishuServer();
    await fake.start();
    redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await redis.quit();
    await fake.close();
  });

  it("answers with the event already queued, then handles it once", async () => {
    const app = await startFeishuTestApp(fake);
    cleanups.push(() => app.close());
    const queue = inboundQueue(app.keyPrefix);
    const messageId = `om_answer_${Date.now()}`;

    const response = await app.post(helpEvent(messageId));
    expect(response.status).toBe(200);
    // Stored in Redis before the answer: a crash from here on loses nothing.
    expect(await queue.getJob(jobIdOf(messageId))).toBeDefined();

    await app.settle();
    const job = await queue.getJob(jobIdOf(messageId));
    expect(await job?.getState()).toBe("completed");
    expect(job?.attemptsMade).toBe(1);
    expect(fake.messagesTo(QINGSHAN)).toHaveLength(1);
  });

  it("keeps a resent event as one job, under a new event id too", async () => {
    const app = await startFeishuTestApp(fake);
    cleanups.push(() => app.close());
    const queue = inboundQueue(app.keyPrefix);
    const messageId = `om_resent_${Date.now()}`;
    const event = helpEvent(messageId);

    await app.post(event);
    await app.post(event);
    await app.post({ ...event, header: { ...event.header, event_id: `${event.header.event_id}_again` } });
    await app.settle();

    const counts = await queue.getJobCounts("waiting", "active", "delayed", "completed", "failed");
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1);
    expect(await (await queue.getJob(jobIdOf(messageId)))?.getState()).toBe("completed");
    expect(fake.messagesTo(QINGSHAN)).toHaveLength(1);
  });

  it("handles an event queued while no worker ran after the app starts again on the same Redis", async () => {
    const config = withFeishuIds(await sampleConfig());
    const database = await openTestDatabase();
    const keyPrefix = uniquePrefix("feishu");
    cleanups.push(
      () => database.close(),
      () => deletePrefixedKeys(keyPrefix),
    );
    const queue = inboundQueue(keyPrefix);
    const messageId = `om_restart_${Date.now()}`;

    // An adapter that takes the callback but closes before any worker runs (a crash after the answer).
    const first = createFeishuPlatform({
      settings: testSettings(fake),
      redisUrl: testRedisUrl(),
      directory: new Directory(config.org),
      prisma: database.prisma,
      log: silentLog,
      keyPrefix,
    });
    await first.inbound.dispatcher.invoke(helpEvent(messageId), { needCheck: false });
    await first.close();
    expect(await (await queue.getJob(jobIdOf(messageId)))?.getState()).toBe("waiting");
    expect(fake.messagesTo(QINGSHAN)).toHaveLength(0);

    const app = await startFeishuTestApp(fake, { config, keyPrefix, database });
    cleanups.push(() => app.close());
    await app.settle();
    expect(await (await queue.getJob(jobIdOf(messageId)))?.getState()).toBe("completed");
    const sent = fake.messagesTo(QINGSHAN);
    expect(sent).toHaveLength(1);
  });
});
