/**
 * One incident conversation through WeChat (wechaty-puppet-mock), reaching the outcomes of the
 * console transcripts incident-guided-first-report.chat and instruction-relay.chat: the report,
 * the urgent alert to the leaders, 已阅 by reply code, 批示 by reply code, and 收到 — plus the
 * bad inputs around reply codes, which change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Posted, startWechatWorld, type WechatWorld } from "../../../../support/wechat-world.ts";

const UNIT = "青山镇工作群";
const LEADERS = "县领导群";
const DUTY = "总值班室";

let world: WechatWorld;
let number: string;

/** The reply code a post offers for a button: `回复「7 已阅」…` → "7". */
function codeFor(post: Posted, label: string): string {
  const match = new RegExp(`「(\\d+) ${label}」`).exec(post.text);
  if (!match) throw new Error(`no reply code for ${label} in:\n${post.text}`);
  return match[1] as string;
}

/** The number of a numbered choice: `回复 1 特别重大 / 3 较大（建议）` → "3". */
function choiceFor(post: Posted, label: string): string {
  const match = new RegExp(`(\\d+) ${label.replace(/[()（）]/g, (c) => `\\${c}`)}`).exec(post.text);
  if (!match) throw new Error(`no choice ${label} in:\n${post.text}`);
  return match[1] as string;
}

async function step(group: string, person: string, text: string, expect: string[]): Promise<Posted> {
  const from = world.posted.length;
  world.say(group, person, text);
  return world.expectPost(group, expect, from);
}

async function stepDirect(person: string, text: string, expect: string[]): Promise<Posted> {
  const from = world.posted.length;
  world.sayDirect(person, text);
  return world.expectPost(person, expect, from);
}

beforeAll(async () => {
  world = await startWechatWorld();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

// Each test starts a whole app and a WeChat login; a busy 2-core machine needs the room.
describe("an incident through WeChat", { timeout: 60_000 }, () => {
  it("reports by numbered replies and alerts the leaders urgently with real mentions", async () => {
    await step(UNIT, "张三", "@快报助手 上报", ["事件类型"]);
    await step(UNIT, "张三", "2", ["事发时间"]);
    await step(UNIT, "张三", "刚才", ["地点"]);
    await step(UNIT, "张三", "青山镇李家村村道", ["发生了什么"]);
    await step(UNIT, "张三", "两车相撞，一车侧翻", ["伤亡"]);
    const grade = await step(UNIT, "张三", "3死5伤", ["等级", "较大（建议）"]);
    await step(UNIT, "张三", choiceFor(grade, "较大（建议）"), ["已采取哪些措施"]);
    await step(UNIT, "张三", "镇长已带队赶赴现场，伤员已送县医院", ["现场负责人"]);
    const summary = await step(UNIT, "张三", "钱镇长 13800000042", ["请核对", "确认上报"]);
    expect(summary.text).toContain(`${choiceFor(summary, "确认上报")} 确认上报`);
    const reported = await step(UNIT, "张三", choiceFor(summary, "确认上报"), ["已上报"]);
    number = /(\d{4}-\d{4})/.exec(reported.text)?.[1] as string;
    expect(number).toBeTruthy();

    const alert = await world.expectPost(LEADERS, ["【加急】", "较大", number, "「"]);
    // WeChat puts the mentions first: `@李书记 @王县长 【加急】【较大】…`.
    expect(alert.text).toMatch(/^(@\S+[\s\u2005])+【加急】【较大】/u);
    // The policy's first escalation level (the duty office's director) is mentioned for real, and
    // for this urgent grade the leaders too, at once (issue 13, finding 1).
    expect(alert.mentions).toEqual(["吴主任", "李书记", "王县长", "赵秘书长"]);
    expect(alert.text).toMatch(/编号：\d{4}-\d{4}\n等级：较大/);
    codeFor(alert, "已阅");
    codeFor(alert, "批示");
  });

  it("takes 已阅 by reply code for the right incident and person, once", async () => {
    const alert = await world.expectPost(LEADERS, ["【加急】", number]);
    const code = codeFor(alert, "已阅");
    const acknowledged = await step(LEADERS, "李书记", `${code} 已阅`, [number, "李书记", "停止提醒"]);
    expect(acknowledged.text).toContain("阅");
    await world.expectPost(UNIT, ["李书记已阅", number]);
    const incident = await world.test.database.prisma.incident.findUnique({ where: { number } });
    expect(incident?.acknowledgedBy).toBe("li-shuji");

    // The same code again: already done, nothing changes.
    await step(LEADERS, "王县长", `${code} 已阅`, [number, "已由李书记"]);
    const again = await world.test.database.prisma.incident.findUnique({ where: { number } });
    expect(again?.acknowledgedBy).toBe("li-shuji");
    expect(again?.acknowledgedAt?.getTime()).toBe(incident?.acknowledgedAt?.getTime());
  });

  it("refuses reply codes that do not exist here, with a clear answer", async () => {
    const alert = await world.expectPost(LEADERS, ["【加急】", number]);
    const code = codeFor(alert, "已阅");
    await step(LEADERS, "李书记", "999 已阅", ["没有找到回复码 999"]);
    await step(LEADERS, "李书记", `${code} 收到`, [`回复码 ${code} 可以这样回复`, `${code} 已阅`]);
    // A leaders' code typed in the unit's group is not that group's code.
    const from = world.posted.length;
    world.say(UNIT, "张三", `@快报助手 ${Number(code) + 500} 已阅`);
    await world.expectPost(UNIT, ["没有找到回复码"], from);
  });

  it("relays 批示 started by reply code and collects 收到 by word and by code", async () => {
    const alert = await world.expectPost(LEADERS, ["【加急】", number]);
    await step(LEADERS, "李书记", `${codeFor(alert, "批示")} 批示`, [number, "批示内容"]);
    const confirm = await step(LEADERS, "李书记", "请立即组织救援，做好伤员救治", ["请核对", "确认批示"]);
    await step(LEADERS, "李书记", choiceFor(confirm, "确认批示"), [number, "已记录"]);

    const relay = await world.expectPost(UNIT, ["领导批示", number, "请立即组织救援"]);
    expect(relay.mentions).toEqual(expect.arrayContaining(["钱镇长", "张三"]));
    await world.expectPost(DUTY, ["领导批示", number]);

    // The 收到 code of someone else's instruction: refused, nothing recorded for 孙值班.
    await step(UNIT, "孙值班", `${codeFor(relay, "收到")} 收到`, [number, "不需要您确认收到"]);
    const receipts = await world.test.database.prisma.instructionReceipt.findMany();
    expect(receipts.map((r) => r.personId).sort()).toEqual(["qian-zhenzhang", "zhangsan"]);
    expect(receipts.every((r) => r.confirmedAt === null)).toBe(true);

    await step(UNIT, "张三", "收到", ["张三已确认收到", "尚待确认：钱镇长"]);
    await step(UNIT, "钱镇长", `${codeFor(relay, "收到")} 收到`, ["钱镇长已确认收到"]);
    const done = await world.expectPost(LEADERS, [number, "全部确认收到"]);
    expect(done.mentions).toContain("李书记");
  });

  it("answers a reply code for a closed incident without changing it", async () => {
    await stepDirect("张三", "终报", ["开始终报", number]);
    await stepDirect("张三", "伤员均已送医救治，事故车辆已拖离，道路恢复通行", ["事件原因"]);
    await stepDirect("张三", "货车超速行驶，与对向车辆相撞", ["善后情况"]);
    await stepDirect("张三", "跳过", ["最终伤亡"]);
    const summary = await stepDirect("张三", "3死6伤", ["请核对", "确认终报"]);
    await stepDirect("张三", choiceFor(summary, "确认终报"), ["已结案"]);

    const alert = await world.expectPost(LEADERS, ["【加急】", number]);
    const before = await world.test.database.prisma.incident.findUnique({ where: { number } });
    await world.expectPost(LEADERS, ["【终报】", number]);
    await world.settle();
    const from = world.posted.length;
    await step(LEADERS, "王县长", `${codeFor(alert, "已阅")} 已阅`, [`${number} 已终报结案，不需要再操作`]);
    expect(world.posted.slice(from).filter((p) => p.to === LEADERS)).toHaveLength(1);
    const after = await world.test.database.prisma.incident.findUnique({ where: { number } });
    expect(after).toEqual(before);
  });
});
