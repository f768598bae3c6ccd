/**
 * Two bot processes on one PostgreSQL and one Redis (two real apps, the same schema and queue
 * prefix), the supported way to run several: a person's messages may be handled by either, one
 * after the other or at the same moment, and the idle job may run in either. Each step of the
 * dialog must see the session as the other process left it, and no answer may be lost.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../../../src/bot/adapters/console/console-message.ts";
import { DIALOG_IDLE_JOB } from "../../../../../src/bot/core/dialog/engine.ts";
import type { Database } from "../../../../../src/store/database.ts";
import { startTestApp, type TestApp } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";
import { sayHandledBy } from "../../../../support/handled-by.ts";
import { deletePrefixedKeys, uniquePrefix } from "../../../../support/redis.ts";

const CHAT = "私聊 张三";
const DM = "dm:zhangsan";
const DAY_MS = 86_400_000;

let database: Database;
let prefix: string;
let a: TestApp;
let b: TestApp;

beforeEach(async () => {
  database = await openTestDatabase({ kind: "postgres" });
  prefix = uniquePrefix("two-processes");
  a = await startTestApp({ database, prefix });
  // The second process's clock runs a day ahead, so its idle job finds the dialog expired.
  b = await startTestApp({ database, prefix, clock: { now: () => new Date(Date.now() + DAY_MS) } });
});

afterEach(async () => {
  await a.close();
  await b.close();
  await database.close();
  await deletePrefixedKeys(prefix);
});

/**
 * Says `text` through one process, handled there (the processes share the console's queue), and
 * waits until both have delivered every reply.
 */
async function say(app: TestApp, text: string): Promise<void> {
  const { outcome } = await sayHandledBy(app.app, CHAT, "张三", text);
  expect(outcome).toBe("handled");
  await Promise.all([a.app.idle(), b.app.idle()]);
}

async function botReplies(): Promise<ConsoleMessageDto[]> {
  return (await a.app.history.list(DM, 0, 1000)).filter((m) => m.sender === null);
}

describe("a dialog handled by two processes", { timeout: 60_000 }, () => {
  it("moves on by every answer, whichever process takes it", async () => {
    await say(a, "/登记");
    await say(b, "13912345678");
    await say(a, "办公室主任");
    await say(b, "1");
    await say(a, "确认登记");

    const replies = (await botReplies()).map((m) => `${m.text}`);
    expect(replies).toEqual([
      expect.stringContaining("手机号"),
      expect.stringContaining("职务"),
      expect.stringContaining("夜间"),
      expect.stringContaining("请核对"),
      expect.stringContaining("已登记"),
    ]);
    const profile = await database.prisma.personProfile.findUniqueOrThrow({
      where: { personId: "zhangsan" },
    });
    expect(profile).toMatchObject({ phone: "13912345678", title: "办公室主任", nightUrgent: true });
    expect(await database.prisma.dialogSession.count()).toBe(0);
  });

  it("keeps both of two answers taken at the same moment by the two processes", async () => {
    await say(a, "上报");
    await say(a, "1");
    await say(b, "刚才");
    for (let round = 0; round < 3; round += 1) {
      const before = (await botReplies()).length;
      const place = `青山镇东村桥头${round}号`;
      const summary = `货车侧翻堵塞道路第${round}次`;
      await Promise.all([
        sayHandledBy(a.app, CHAT, "张三", place),
        sayHandledBy(b.app, CHAT, "张三", summary),
      ]);
      await Promise.all([a.app.idle(), b.app.idle()]);

      const session = await database.prisma.dialogSession.findFirstOrThrow();
      const data = session.data as Record<string, unknown>;
      // Handled one after the other, in either order: each answer filled one step.
      expect([data.location, data.summary].sort()).toEqual([place, summary].sort());
      expect(session.history).toEqual(["type", "time", "location", "summary"]);
      expect(session.stepId).toBe("casualties");
      expect((await botReplies()).length).toBe(before + 2);

      await say(round % 2 === 0 ? a : b, "返回");
      await say(round % 2 === 0 ? b : a, "返回");
    }
  });

  it("sees a dialog the other process's idle job ended", async () => {
    await say(a, "/登记");
    const session = await database.prisma.dialogSession.findFirstOrThrow();

    await b.app.jobs.run(b.app.services, `dialog-${session.id}-idle-test`, {
      name: DIALOG_IDLE_JOB,
      data: { sessionId: session.id },
    });
    await Promise.all([a.app.idle(), b.app.idle()]);
    expect(await database.prisma.dialogSession.count()).toBe(0);

    // No dialog any more: 我是谁 is a command again, not a wrong phone number.
    await say(a, "我是谁");
    const replies = await botReplies();
    expect(replies.map((m) => m.card?.title ?? m.text)).toEqual([
      expect.stringContaining("手机号"),
      expect.stringContaining("长时间没有回复"),
      "我的信息",
    ]);
  });
});
