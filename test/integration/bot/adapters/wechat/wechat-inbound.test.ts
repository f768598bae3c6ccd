/**
 * The WeChat adapter on wechaty-puppet-mock with the real app: which messages reach the bot, in
 * which order, and what the bot posts back (rendering, numbered choices, real mentions).
 */
import { afterEach, describe, expect, it } from "vitest";
import { startWechatWorld, type WechatWorld } from "../../../../support/wechat-world.ts";

const UNIT = "青山镇工作群";
let world: WechatWorld | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

// Each test starts a whole app and a WeChat login; a busy 2-core machine needs the room.
describe("WeChat inbound", { timeout: 60_000 }, () => {
  it("answers a group message that mentions the bot, with a numbered dialog card as text, no buttons named", async () => {
    world = await startWechatWorld();
    world.say(UNIT, "张三", "@快报助手 上报");
    const post = await world.expectPost(UNIT, ["事件类型", "回复 1 "]);
    expect(post.text).toMatch(/回复 1 自然灾害 \/ 2 事故灾难/);
    expect(post.text).not.toContain("dlg:");
    // WeChat has no buttons: neither the card nor a refused choice may ask to press one.
    expect(post.text).not.toContain("按钮");
    await world.settle();
    const from = world.posted.length;
    world.say(UNIT, "张三", "9");
    const refusal = await world.expectPost(UNIT, ["请回复 1 到 6 之间的序号"], from);
    expect(refusal.text).not.toContain("按钮");
  });

  it("stays out of group chatter that does not mention it, and ignores its own messages", async () => {
    world = await startWechatWorld();
    world.say(UNIT, "张三", "大家下午好");
    world.say(UNIT, "张三", "帮助");
    await world.settle();
    expect(world.posted.filter((p) => p.to === UNIT)).toEqual([]);
    // The bot's own post in the room comes back to it as a message: it must not answer itself.
    world.say(UNIT, "张三", "@快报助手 帮助");
    await world.expectPost(UNIT, ["上报"]);
    await world.settle();
    const count = world.posted.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await world.settle();
    expect(world.posted.length).toBe(count);
  });

  it("takes follow-up answers without @ from a person in a dialog, not from others", async () => {
    world = await startWechatWorld();
    world.say(UNIT, "张三", "@快报助手 上报");
    await world.expectPost(UNIT, ["事件类型"]);
    await world.settle();
    const before = world.posted.length;
    world.say(UNIT, "钱镇长", "2");
    await world.settle();
    expect(world.posted.length).toBe(before);
    world.say(UNIT, "张三", "2");
    await world.expectPost(UNIT, ["事发时间"], before);
  });

  it("answers one-to-one messages", async () => {
    world = await startWechatWorld();
    world.sayDirect("张三", "帮助");
    const post = await world.expectPost("张三", ["上报"]);
    expect(post.mentions).toEqual([]);
    // The bot's reply comes back to it as a message from an account the org file does not know:
    // answered, it would ask itself to bind, again and again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await world.settle();
    expect(world.posted).toEqual([post]);
  });

  it("restores the order of a conversation delivered out of order, and handles a redelivery once", async () => {
    world = await startWechatWorld();
    world.say(UNIT, "张三", "@快报助手 上报");
    await world.expectPost(UNIT, ["事件类型"]);
    await world.settle();
    const from = world.posted.length;
    const { mocker } = world;
    const talkerId = world.contacts.get("张三")?.id as string;
    const roomId = world.rooms.get(UNIT)?.id as string;
    const now = Date.now();
    // Real clock: a time that is always in the past (「今天14时20分」 is in the future before 14:20).
    const answers = ["2", "10分钟前", "青山镇李家村村道"];
    const ids = answers.map((text, i) => {
      const message = mocker.MessageMock.create({
        id: `ooo-${now}-${i}`,
        talkerId,
        roomId,
        text,
        timestamp: now + i * 1000,
        type: 7,
        mentionIdList: [],
      });
      return message.id;
    });
    // Delivered last first, and the first one twice.
    for (const id of [ids[2], ids[1], ids[0], ids[0]])
      mocker.puppet.emit("message", { messageId: id as string });
    await world.expectPost(UNIT, ["发生了什么"], from);
    await world.settle();
    const prompts = world.posted.slice(from).map((p) => p.text.split("\n")[0]);
    expect(prompts.some((p) => p?.includes("事发时间"))).toBe(true);
    expect(prompts.some((p) => p?.includes("地点"))).toBe(true);
    expect(world.posted.slice(from).some((p) => p.text.includes("请回复 1 到"))).toBe(false);
  });

  it("answers a number out of range in a dialog with the range, and stays at the step", async () => {
    world = await startWechatWorld();
    world.say(UNIT, "张三", "@快报助手 上报");
    await world.expectPost(UNIT, ["事件类型"]);
    await world.settle();
    const from = world.posted.length;
    world.say(UNIT, "张三", "9");
    await world.expectPost(UNIT, ["请回复 1 到 6"], from);
    world.say(UNIT, "张三", "2");
    await world.expectPost(UNIT, ["事发时间"], from);
  });

  it("says clearly that a bare number has nothing to answer, and changes nothing", async () => {
    world = await startWechatWorld();
    world.sayDirect("张三", "3");
    const post = await world.expectPost("张三", ["没有等您回复数字的问题"]);
    expect(post.text).toContain("7 已阅");
    expect(await world.test.database.prisma.dialogSession.count()).toBe(0);
  });
});
