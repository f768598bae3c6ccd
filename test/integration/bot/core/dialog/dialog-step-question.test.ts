/**
 * A dialog step and its question are one unit of work (issue 11). Whatever breaks between storing
 * a step and queuing its question — Redis refusing writes right after the step is stored, or the
 * store refused right after the question was queued — the event handled again (as a redelivery
 * does) leaves the question in the chat exactly once, and the next answer lands in the field that
 * question asked for. The same answer handled twice moves the dialog one step; an idle job fired
 * twice reminds once. Real PostgreSQL (triggers hold or refuse a write at the exact statement) and
 * a real Redis of the test's own (made to refuse writes at that moment).
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type App, createApp } from "../../../../../src/app/create-app.ts";
import { DIALOG_IDLE_JOB } from "../../../../../src/bot/core/dialog/engine.ts";
import type { Database } from "../../../../../src/store/database.ts";
import { sampleConfig, silentLog } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";
import { holdWrites, refuseWrites } from "../../../../support/pg-write-trigger.ts";
import { type PrivateRedis, startPrivateRedis } from "../../../../support/private-redis.ts";
import { uniquePrefix } from "../../../../support/redis.ts";

const DM = "dm:zhangsan";
const LOCATION_QUESTION = "事发地点？";
const SUMMARY_QUESTION = "发生了什么？";
const REMINDER = "还没有完成，正在等您回复";
const PLACE = "青山镇李家村村道";
const MINUTE = 60_000;
// The machines are small and shared: opening a fresh database may take a while under load.
const HOOK_TIMEOUT_MS = 120_000;

let redis: PrivateRedis;

beforeAll(async () => {
  redis = await startPrivateRedis();
}, HOOK_TIMEOUT_MS);

afterAll(async () => {
  await redis?.stop();
});

describe.each([
  { cache: true, who: "a process alone on its database (sessions cached)" },
  { cache: false, who: "processes sharing the database" },
])("a dialog step and its question, $who", { timeout: 120_000 }, ({ cache }) => {
  let database: Database;
  let app: App;
  let prefix: string;

  beforeEach(async () => {
    database = await openTestDatabase({ kind: "postgres" });
    prefix = uniquePrefix("step-question");
    app = await createApp({
      config: await sampleConfig(),
      prisma: database.prisma,
      redisUrl: redis.url,
      log: silentLog,
      queuePrefix: prefix,
      sharedDatabase: !cache,
    });
  }, HOOK_TIMEOUT_MS);

  afterEach(async () => {
    await redis.acceptWrites();
    await app?.close();
    await database?.close();
  }, HOOK_TIMEOUT_MS);

  /** 张三 says `text` (as event `eventId`); resolves once it is handled and every reply delivered. */
  async function say(text: string, eventId = `msg-${randomUUID()}`): Promise<string> {
    const { outcome } = await app.inbox.say(DM, "张三", text, eventId);
    await app.idle();
    return outcome;
  }

  /** The event is delivered again, as after a crash: its dedupe claim is gone (issue 11's redelivery). */
  async function redeliver(text: string, eventId: string): Promise<string> {
    await redis.admin.del(`${prefix}:event:console:${eventId}`);
    return say(text, eventId);
  }

  async function botTexts(): Promise<string[]> {
    return (await app.history.list(DM, 0, 1000)).filter((m) => m.sender === null).map((m) => m.text);
  }

  const times = (texts: string[], fragment: string) => texts.filter((t) => t.includes(fragment)).length;

  async function session() {
    return database.prisma.dialogSession.findUniqueOrThrow({
      where: { chatId_personId: { chatId: DM, personId: "zhangsan" } },
    });
  }

  /** 张三 has chosen the type and answers the time with 刚才: the step after it is 地点. */
  async function upToTheTime(): Promise<void> {
    expect(await say("上报")).toBe("handled");
    expect(await say("2")).toBe("handled");
  }

  async function expectPlaceAskedOnceAndFiled(): Promise<void> {
    expect(await say(PLACE)).toBe("handled");
    const texts = await botTexts();
    expect(times(texts, LOCATION_QUESTION)).toBe(1);
    expect(times(texts, SUMMARY_QUESTION)).toBe(1);
    const row = await session();
    expect(row.stepId).toBe("summary");
    expect(row.data).toMatchObject({ location: PLACE });
    expect((row.data as { occurredAt?: unknown }).occurredAt).toBeTruthy();
  }

  it("Redis refuses writes right after the step is stored: handled again, the question is there once and the place lands in 地点", async () => {
    await upToTheTime();
    const held = await holdWrites(database.prisma, "dialog_session", "NEW.step_id = 'location'");
    const eventId = `msg-${randomUUID()}`;
    const handling = app.inbox.say(DM, "张三", "刚才", eventId);
    await held.arrived();
    await redis.refuseWrites();
    await held.release();
    expect((await handling).outcome).toBe("failed");
    await redis.acceptWrites();

    expect(await say("刚才", eventId)).toBe("handled");
    await expectPlaceAskedOnceAndFiled();
  });

  it("the store refused right after the question was queued: handled again, the question is there once", async () => {
    await upToTheTime();
    const restore = await refuseWrites(database.prisma, "dialog_session", "NEW.step_id = 'location'");
    const eventId = `msg-${randomUUID()}`;
    expect(await say("刚才", eventId)).toBe("failed");
    await restore();

    expect(await say("刚才", eventId)).toBe("handled");
    await expectPlaceAskedOnceAndFiled();
  });

  it("the same answer handled twice after its step was stored moves one step and asks once", async () => {
    await upToTheTime();
    const eventId = `msg-${randomUUID()}`;
    expect(await say("刚才", eventId)).toBe("handled");
    const stored = await session();

    expect(await redeliver("刚才", eventId)).toBe("handled");
    const again = await session();
    expect(again.stepId).toBe("location");
    expect(again.data).toEqual(stored.data);
    expect(again.history).toEqual(stored.history);
    expect(times(await botTexts(), LOCATION_QUESTION)).toBe(1);
    await expectPlaceAskedOnceAndFiled();
  });

  it("an answer redelivered late, after the next answer was taken, changes nothing and asks nothing", async () => {
    await upToTheTime();
    const eventId = `msg-${randomUUID()}`;
    expect(await say("刚才", eventId)).toBe("handled");
    expect(await say(PLACE)).toBe("handled");
    const stored = await session();

    expect(await redeliver("刚才", eventId)).toBe("handled");
    const again = await session();
    expect(again.stepId).toBe("summary");
    expect(again.data).toEqual(stored.data);
    const texts = await botTexts();
    expect(times(texts, LOCATION_QUESTION)).toBe(1);
    expect(times(texts, SUMMARY_QUESTION)).toBe(1);
  });

  describe("an idle job fired twice reminds once", () => {
    /** The dialog as if 张三 went quiet 11 minutes ago (the sample policy reminds after 10). */
    async function quietDialog() {
      expect(await say("上报")).toBe("handled");
      const lastActiveAt = new Date(Date.now() - 11 * MINUTE);
      const row = await database.prisma.dialogSession.update({
        where: { chatId_personId: { chatId: DM, personId: "zhangsan" } },
        data: { lastActiveAt },
      });
      const key = `dialog-${row.id}-idle-${lastActiveAt.getTime() + 10 * MINUTE}`;
      const fire = () =>
        app.jobs.run(app.services, key, { name: DIALOG_IDLE_JOB, data: { sessionId: row.id } }).then(
          () => "done",
          () => "failed",
        );
      return { fire };
    }

    it("when Redis refused writes right after the reminder was marked", async () => {
      const { fire } = await quietDialog();
      const held = await holdWrites(
        database.prisma,
        "dialog_session",
        "NEW.reminded_at IS NOT NULL AND OLD.reminded_at IS NULL",
      );
      const first = fire();
      await held.arrived();
      await redis.refuseWrites();
      await held.release();
      expect(await first).toBe("failed");
      await redis.acceptWrites();

      expect(await fire()).toBe("done");
      expect(await fire()).toBe("done");
      await app.idle();
      expect(times(await botTexts(), REMINDER)).toBe(1);
      expect((await session()).remindedAt).not.toBeNull();
    });

    it("when the mark was refused right after the reminder was queued", async () => {
      const { fire } = await quietDialog();
      const restore = await refuseWrites(
        database.prisma,
        "dialog_session",
        "NEW.reminded_at IS NOT NULL AND OLD.reminded_at IS NULL",
      );
      expect(await fire()).toBe("failed");
      await restore();

      expect(await fire()).toBe("done");
      await app.idle();
      expect(times(await botTexts(), REMINDER)).toBe(1);
      expect((await session()).remindedAt).not.toBeNull();
    });
  });
});
