/**
 * Every kind of dialog event handled twice (a redelivery after its step was stored, issue 11):
 * the start, an answer, a pressed choice, 返回, 修改 on the summary, the item to change, the
 * changed answer, and a submitted form. The second handling changes nothing and posts nothing: the session is as the
 * first left it and the chat has the same messages. Real app, PGlite, the test Redis.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../../support/app.ts";
import { testRedisUrl } from "../../../../support/redis.ts";

const DM = "dm:zhangsan";

let redis: Redis;
let t: TestApp;

beforeAll(() => {
  redis = new Redis(testRedisUrl());
});

afterAll(() => {
  redis.disconnect();
});

// The machines are small and shared: opening a fresh database may take a while under load.
const HOOK_TIMEOUT_MS = 120_000;

beforeEach(async () => {
  t = await startTestApp();
}, HOOK_TIMEOUT_MS);

afterEach(async () => {
  await t?.close();
}, HOOK_TIMEOUT_MS);

/** What a second handling must leave as it is: the session and the bot's messages. */
async function snapshot() {
  const row = await t.database.prisma.dialogSession.findUnique({
    where: { chatId_personId: { chatId: DM, personId: "zhangsan" } },
  });
  const messages = (await t.app.history.list(DM, 0, 1000)).filter((m) => m.sender === null);
  return {
    session: row && { id: row.id, stepId: row.stepId, data: row.data, history: row.history },
    botMessages: messages.map((m) => m.text),
  };
}

/** Handles one event, then the same event again as a redelivery does (its dedupe claim gone). */
async function twice(handle: (eventId: string) => Promise<unknown>, eventId: string) {
  await handle(eventId);
  await t.app.idle();
  const first = await snapshot();
  await redis.del(`${t.prefix}:event:console:${eventId}`);
  await handle(eventId);
  await t.app.idle();
  expect(await snapshot()).toEqual(first);
  return first;
}

const say = (text: string) => (eventId: string) => t.app.inbox.say(DM, "张三", text, eventId);

/** Presses the button labelled `label` on the bot's newest card. */
async function press(label: string) {
  const cards = (await t.app.history.list(DM, 0, 1000)).filter((m) => m.sender === null && m.card);
  const card = cards.at(-1);
  if (!card) throw new Error("no card to press");
  return (eventId: string) => t.app.inbox.press(DM, "张三", card.id, label, eventId);
}

const newEvent = () => `msg-${randomUUID()}`;

describe("a dialog event handled twice", { timeout: 120_000 }, () => {
  it("starts once, answers once, goes back once, and changes an answer once", async () => {
    const started = await twice(say("/登记"), newEvent());
    expect(started.session?.stepId).toBe("phone");
    expect(started.botMessages.filter((m) => m.includes("手机号"))).toHaveLength(1);

    expect((await twice(say("13912345678"), newEvent())).session?.stepId).toBe("title");
    const back = await twice(say("返回"), newEvent());
    expect(back.session?.stepId).toBe("phone");
    expect(back.session?.history).toEqual([]);

    await twice(say("13912345678"), newEvent());
    await twice(say("党政办副主任"), newEvent());
    const chosen = await twice(await press("1. 同意"), newEvent());
    expect(chosen.session?.stepId).toBe("@confirm");
    expect(chosen.botMessages.filter((m) => m.includes("请核对"))).toHaveLength(1);

    expect((await twice(await press("修改"), newEvent())).session?.stepId).toBe("@edit");
    expect((await twice(say("2"), newEvent())).session?.stepId).toBe("edit:title");
    const changed = await twice(say("办公室主任"), newEvent());
    expect(changed.session?.stepId).toBe("@confirm");
    expect(changed.session?.data).toMatchObject({ title: "办公室主任" });
    expect(changed.botMessages.filter((m) => m.includes("请核对"))).toHaveLength(2);
  });

  it("starts 首报 once and takes a pressed type once", async () => {
    const started = await twice(say("上报"), newEvent());
    expect(started.session?.stepId).toBe("type");
    const typed = await twice(await press("2. 事故灾难"), newEvent());
    expect(typed.session?.stepId).toBe("time");
    expect(typed.botMessages.filter((m) => m.includes("已失效"))).toHaveLength(0);
  });

  it("takes a submitted 首报 form once", async () => {
    const started = await twice(say("上报"), newEvent());
    const form = {
      type: "2",
      time: "刚才",
      location: "青山镇李家村村道",
      summary: "两车相撞，一车侧翻",
      casualties: "无",
      grade: "4",
      measures: "镇长已带队赶赴现场",
      contact_name: "钱镇长",
      contact_phone: "13800000042",
    };
    // The neutral event a platform with forms (Feishu) hands the pipeline for a submitted form card.
    const submit = (eventId: string) =>
      t.app.pipeline.handle({
        platform: "console",
        eventId,
        chatId: DM,
        senderId: "zhangsan",
        text: "",
        mentions: [],
        receivedAt: new Date(),
        action: { value: `dlg:${started.session?.id}:@form:submit`, form },
      });
    const submitted = await twice(submit, newEvent());
    expect(submitted.session?.stepId).toBe("@confirm");
    expect(submitted.session?.data).toMatchObject({ location: "青山镇李家村村道" });
    expect(submitted.botMessages.filter((m) => m.includes("请核对"))).toHaveLength(1);
  });
});
