/**
 * What the bot posts on WeChat (wechaty-puppet-mock, real app and send queue): paced under a
 * burst with nothing dropped, long texts split between lines, real mentions, one-to-one chats,
 * card edits skipped, a retried delivery never posted twice, a chart as a picture, urgent messages repeated to those who
 * have not replied.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../support/database.ts";
import { waitFor } from "../../../../support/wait-for.ts";
import { FAST_SETTINGS, startWechatWorld, type WechatWorld } from "../../../../support/wechat-world.ts";

const UNIT = "青山镇工作群";
const DUTY = "总值班室";
let world: WechatWorld | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

// Each test starts a whole app and a WeChat login; a busy 2-core machine needs the room.
describe("WeChat delivery", { timeout: 60_000 }, () => {
  it("paces a burst by room and overall gaps and drops nothing", async () => {
    const pace = { roomGapMs: 250, overallGapMs: 100, jitterMs: 30 };
    world = await startWechatWorld({ settings: { ...FAST_SETTINGS, pace } });
    const { messenger } = world.test.app;
    const sends = [];
    for (let i = 0; i < 6; i++) {
      sends.push(
        messenger.send({ chatId: "qingshan-work", text: `通知 ${i}`, idempotencyKey: `burst-u-${i}` }),
      );
      sends.push(messenger.send({ chatId: "duty", text: `抄送 ${i}`, idempotencyKey: `burst-d-${i}` }));
    }
    await Promise.all(sends);
    const w = world;
    await waitFor("12 posts", () => w.posted.length >= 12, { timeoutMs: 20_000 });
    const posts = w.posted;
    expect(posts).toHaveLength(12);
    const times = posts.map((p) => p.at);
    // Date.now() may read a timer's wait a millisecond short, as for the room gaps below.
    for (let i = 1; i < times.length; i++)
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(pace.overallGapMs - 3);
    for (const room of [UNIT, DUTY]) {
      const inRoom = posts.filter((p) => p.to === room);
      expect(inRoom).toHaveLength(6);
      for (let i = 1; i < inRoom.length; i++)
        expect((inRoom[i]?.at as number) - (inRoom[i - 1]?.at as number)).toBeGreaterThanOrEqual(
          pace.roomGapMs - 3,
        );
    }
    expect(posts.filter((p) => p.to === UNIT).map((p) => p.text)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `通知 ${i}`),
    );
  });

  it("splits a long text between lines, mentions for real, and writes one-to-one", async () => {
    world = await startWechatWorld({ settings: { ...FAST_SETTINGS, maxMessageChars: 200 } });
    const lines = Array.from({ length: 30 }, (_, i) => `第 ${i + 1} 条：青山镇李家村村道两车相撞`);
    await world.test.app.messenger.send({
      chatId: "qingshan-work",
      text: lines.join("\n"),
      mentions: ["zhangsan"],
      idempotencyKey: "long-1",
    });
    await world.test.app.messenger.send({ chatId: "dm:zhangsan", text: "私聊测试", idempotencyKey: "dm-1" });
    await world.expectPost("张三", ["私聊测试"]);
    const w = world;
    const parts = await waitFor("the split parts", () => {
      const found = w.posted.filter((p) => p.to === UNIT);
      return found.some((p) => p.text.includes("第 30 条")) ? found : undefined;
    });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect([...part.text].length).toBeLessThanOrEqual(200);
    const body = parts
      .map((p) => p.text.replace(/^@张三[\s\u2005]/, "").replace(/^（续 \d+\/\d+）\n/, ""))
      .join("\n");
    expect(body).toBe(lines.join("\n"));
    expect(parts[0]?.mentions).toEqual(["张三"]);
    expect(parts.slice(1).every((p) => p.mentions.length === 0)).toBe(true);
  });

  it("skips card edits and never posts a retried delivery twice", async () => {
    world = await startWechatWorld();
    const message = { chatId: "qingshan-work", text: "只发一次", idempotencyKey: "once-1" };
    await world.adapter.sink.deliver(message);
    await world.adapter.sink.deliver(message);
    await world.adapter.sink.deliver({ ...message, idempotencyKey: "edit-1", updateOf: "once-1" });
    expect(world.posted.map((p) => p.text)).toEqual(["只发一次"]);
  });

  it("posts only the parts a retried delivery has not posted yet", async () => {
    world = await startWechatWorld({ settings: { ...FAST_SETTINGS, maxMessageChars: 200 } });
    const lines = Array.from({ length: 60 }, (_, i) => `第 ${i + 1} 条：白水乡河堤巡查情况`);
    const message = { chatId: "qingshan-work", text: lines.join("\n"), idempotencyKey: "half-sent" };
    // The first delivery posted part 2, then failed.
    await world.test.app.services.database.sentMessage.create({
      data: {
        platform: "wechat",
        idempotencyKey: "half-sent#2",
        chatId: "qingshan-work",
        platformMessageId: "",
        sentAt: new Date(),
      },
    });
    await world.adapter.sink.deliver(message);
    const continued = world.posted.map((p) => /^（续 (\d+)\/\d+）/.exec(p.text)?.[1] ?? "1");
    expect(continued.length).toBeGreaterThan(2);
    expect(continued).not.toContain("2");
    expect(continued.slice(0, 2)).toEqual(["1", "3"]);
  });

  it("follows a card with its chart as a PNG picture, once even when the delivery is retried", async () => {
    world = await startWechatWorld();
    const chart = {
      kind: "bar" as const,
      title: "按时报送率",
      categories: ["青山镇", "白水乡"],
      series: [{ name: "按时率", values: [90, 75] }],
      unit: "%",
    };
    const message = {
      chatId: "leaders",
      card: { title: "本月统计", fields: [{ label: "事件", value: "3 起" }], buttons: [], chart },
      idempotencyKey: "stats-1",
    };
    await world.adapter.sink.deliver(message);
    await world.adapter.sink.deliver(message);

    expect(world.posted.map((p) => [p.to, p.text.split("\n")[0]])).toEqual([["县领导群", "本月统计"]]);
    expect(world.files.map((f) => [f.to, f.name])).toEqual([["县领导群", "chart.png"]]);
    const png = world.files[0]?.bytes ?? Buffer.alloc(0);
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    // Drawn at twice the default 720×400 for phone screens: width and height from the IHDR chunk.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1440, 800]);
  });

  it("repeats an urgent message to those who have not replied, up to the limit", async () => {
    const urgent = { repeatEveryMs: 700, repeatLimit: 2 };
    world = await startWechatWorld({ settings: { ...FAST_SETTINGS, urgent } });
    await world.test.app.messenger.send({
      chatId: "qingshan-work",
      text: "防汛紧急通知：今晚有暴雨",
      urgentTo: ["zhangsan", "qian-zhenzhang"],
      idempotencyKey: "urgent-1",
    });
    const first = await world.expectPost(UNIT, ["【加急】防汛紧急通知"]);
    expect(first.mentions.sort()).toEqual(["张三", "钱镇长"].sort());
    world.say(UNIT, "张三", "好的，马上安排");
    const second = await world.expectPost(UNIT, ["第 1/2 次提醒"]);
    expect(second.text).toContain("【加急】防汛紧急通知");
    expect(second.mentions).toEqual(["钱镇长"]);
    const third = await world.expectPost(UNIT, ["第 2/2 次提醒"]);
    expect(third.mentions).toEqual(["钱镇长"]);
    await new Promise((resolve) => setTimeout(resolve, urgent.repeatEveryMs * 2));
    expect(world.posted.filter((p) => p.to === UNIT && p.text.includes("次提醒"))).toHaveLength(2);
  });

  it("stops repeating once everyone has replied", async () => {
    const urgent = { repeatEveryMs: 600, repeatLimit: 3 };
    world = await startWechatWorld({ settings: { ...FAST_SETTINGS, urgent } });
    await world.test.app.messenger.send({
      chatId: "qingshan-work",
      text: "紧急：请核实",
      urgentTo: ["zhangsan"],
      idempotencyKey: "urgent-2",
    });
    await world.expectPost(UNIT, ["【加急】紧急：请核实"]);
    world.say(UNIT, "张三", "已核实");
    await new Promise((resolve) => setTimeout(resolve, urgent.repeatEveryMs * 2));
    expect(world.posted.filter((p) => p.text.includes("次提醒"))).toEqual([]);
  });

  it("goes on repeating after a restart, only to those still silent, up to the same limit", async () => {
    const urgent = { repeatEveryMs: 3000, repeatLimit: 2 };
    const database = await openTestDatabase();
    try {
      const before = await startWechatWorld({ settings: { ...FAST_SETTINGS, urgent }, database });
      await before.test.app.messenger.send({
        chatId: "qingshan-work",
        text: "紧急：请清点人员",
        urgentTo: ["zhangsan", "qian-zhenzhang"],
        idempotencyKey: "urgent-restart",
      });
      await before.expectPost(UNIT, ["【加急】紧急：请清点人员"]);
      before.say(UNIT, "张三", "已清点");
      const { prisma } = database;
      const row = () =>
        prisma.sentMessage.findUnique({
          where: { platform_idempotencyKey: { platform: "wechat", idempotencyKey: "urgent-restart" } },
        });
      await waitFor("张三's reply written down", async () =>
        ((await row())?.readBy as string[] | undefined)?.includes("zhangsan"),
      );
      await before.close();

      world = await startWechatWorld({ settings: { ...FAST_SETTINGS, urgent }, database });
      const repeated = await world.expectPost(UNIT, ["次提醒"]);
      expect(repeated.mentions).toEqual(["钱镇长"]);
      const repeats = () =>
        prisma.sentMessage.findMany({ where: { idempotencyKey: { startsWith: "urgent-restart-repeat-" } } });
      await waitFor("both repetitions", async () => (await repeats()).length === 2, { timeoutMs: 20_000 });
      await new Promise((resolve) => setTimeout(resolve, urgent.repeatEveryMs));
      expect((await repeats()).map((r) => r.idempotencyKey).sort()).toEqual([
        "urgent-restart-repeat-1",
        "urgent-restart-repeat-2",
      ]);
    } finally {
      await world?.close();
      world = undefined;
      await database.close();
    }
  });
});
