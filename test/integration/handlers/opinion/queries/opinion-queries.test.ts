/**
 * 查询 Y2026-0001, the 日报's 舆情 section, 统计's 舆情 figures and the `opinion-digest` job (舆情日报)
 * on the real app and database, against figures worked out by hand for the items of
 * opinion-queries-fixture.ts (now: 2026-12-09 10:00):
 * - 日报 (no scheduled digest yet: the last 24 hours, from 12-08 10:00): 新增 Y2026-0002 (12-08 10:30)
 *   and Y2026-0004; 在办 Y2026-0001 (已回应), Y2026-0002 (待报口径, 回应超时), Y2026-0004 (待签收);
 *   回应超时 Y2026-0002, 30 分钟 past 09:30.
 * - 统计 2026-12 (Y2026-0001 … 0004): 县应急管理局 1 件, nothing done; 青山镇 1 件, 核实 1/1, 回应 1/1;
 *   白水乡 2 件, 核实 1/2 (0002 late), 回应 0/1 (0003 late). 统计 2026-11: 青山镇 1 件, 1/1, 1/1.
 * - 舆情日报 at 17:30: 新增 Y2026-0004 only; Y2026-0004's 核实 (due 13:00) now overdue too;
 *   Y2026-0002 8 小时 past its 回应 deadline; today's units: 县应急管理局 1 件.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../../../src/bot/adapters/console/console-message.ts";
import { OPINION_JOBS } from "../../../../../src/handlers/opinion/item-timers.ts";
import { sampleConfig, startTestApp, type TestApp } from "../../../../support/app.ts";
import { cardField, firstAnswer } from "../../../../support/first-answer.ts";
import { local, NOW, seedOpinions, TEXTS } from "./opinion-queries-fixture.ts";

let t: TestApp;
let now = NOW;

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => now } });
  await seedOpinions(t.database.prisma, (await sampleConfig()).policy.opinion);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const ask = (chat: string, person: string, text: string): Promise<ConsoleMessageDto> =>
  firstAnswer(t, chat, person, `@快报助手 ${text}`);

describe("查询 Y2026-0001", () => {
  it("shows the item, its deadlines, the approved 口径 and the timeline in local times", {
    timeout: 30_000,
  }, async () => {
    const answer = await ask("总值班室", "孙值班", "查询 y2026-0001");
    expect(answer.card?.title).toBe("【舆情】Y2026-0001 · 已回应");
    expect(answer.card?.tone).toBe("blue");
    expect(answer.card?.fields.map((f) => [f.label, f.value]).slice(0, -1)).toEqual([
      ["级别", "一般"],
      ["来源", "微博"],
      ["链接", "https://weibo.com/1234567890/AbCdEf"],
      ["内容", "微博网友发帖称青山镇李家村垃圾长期无人清运"],
      ["责任单位", "青山镇"],
      ["发现时间", "2026-12-07 08:30"],
      ["传播情况", "阅读 23000、转发 150、评论 320"],
      ["当前环节", "已回应"],
      ["核实时限", "2026-12-07 12:30（12-07 11:00 已核实）"],
      ["回应时限", "2026-12-09 08:30（12-07 16:00 已回应）"],
      ["核实情况", TEXTS.verified1],
      ["发布口径", TEXTS.approved1],
      ["回应情况", TEXTS.responded1],
    ]);
    expect(cardField(answer, "时间线")?.split("\n")).toEqual([
      "12-07 09:00 孙值班 登记（一般）",
      "12-07 09:00 已通知值班室、县领导和责任单位",
      "12-07 09:05 李书记 已阅",
      "12-07 09:10 青山镇 张三 签收",
      `12-07 11:00 青山镇 张三 核实：${TEXTS.verified1}`,
      `12-07 14:00 青山镇 钱镇长 报送口径：${TEXTS.draft1}`,
      `12-07 14:30 李书记 修改意见：${TEXTS.revision1}`,
      "12-07 14:50 青山镇 钱镇长 报送口径：经核实，青山镇已于12月7日下午清运李家村积存垃圾，并落实每日清运。",
      "12-07 15:00 李书记 同意发布",
      "12-07 16:00 青山镇 张三 已回应：已在微博回复 https://weibo.com/1234567890/Reply1",
    ]);
  });

  it("marks an overdue answer and shows the escalation; a closed item reads as such", {
    timeout: 30_000,
  }, async () => {
    const late = await ask("白水乡工作群", "李四", "查询 Y2026-0002");
    expect(late.card?.tone).toBe("red");
    expect(cardField(late, "当前环节")).toBe("待报口径");
    expect(cardField(late, "核实时限")).toBe("2026-12-08 11:30（12-08 12:00 已核实，超时）");
    expect(cardField(late, "回应时限")).toBe("2026-12-09 09:30【回应超时】");
    expect(cardField(late, "发布口径")).toBeUndefined();
    expect(cardField(late, "时间线")?.split("\n").at(-1)).toBe("09:30 回应超时，第 1 次逐级提醒");
    const closed = await ask("县领导群", "王县长", "查询 Y2026-0003");
    expect(closed.card?.title).toBe("【舆情】Y2026-0003 · 已办结");
    expect(cardField(closed, "办结时间")).toBe("2026-12-08 12:00");
    expect(cardField(closed, "回应时限")).toBe("2026-12-08 11:00（12-08 11:30 已回应，超时）");
  });

  it("refuses another unit's reporter, answers an unknown number, and leaves other numbers alone", {
    timeout: 30_000,
  }, async () => {
    expect((await ask("白水乡工作群", "李四", "查询 Y2026-0001")).text).toBe(
      "Y2026-0001 不是本单位负责的舆情，您没有查看权限。如需了解，请联系县总值班室。",
    );
    // The responsible unit's people see it.
    expect((await ask("青山镇工作群", "张三", "查询 Y2026-0001")).card?.title).toContain("Y2026-0001");
    expect((await ask("总值班室", "孙值班", "查询 Y2026-0099")).text).toBe(
      "没有找到舆情「Y2026-0099」，请核对编号（如 Y2026-0001）。",
    );
    // 督办's and the incidents' numbers still go to their own 查询.
    expect((await ask("总值班室", "孙值班", "查询 D2026-0001")).text).toContain("督办");
    expect((await ask("总值班室", "孙值班", "查询 2026-0042")).text).not.toContain("舆情");
  });
});

describe("日报's 舆情 section", () => {
  it("lists the new items, the open ones and the overdue answers", { timeout: 30_000 }, async () => {
    const answer = await ask("县领导群", "李书记", "日报");
    expect(answer.card?.fields.map((f) => f.label).slice(-3)).toEqual([
      "舆情：新增（2 件）",
      "舆情：在办（3 件）",
      "舆情：回应超时（1 件）",
    ]);
    expect(cardField(answer, "舆情：新增（2 件）")?.split("\n")).toEqual([
      "Y2026-0002（较大）白水乡 抖音「抖音视频称白水乡卫生院夜间无人值…」",
      "Y2026-0004（一般）县应急管理局 领导留言板「网民留言称城东应急避难场所大门长…」",
    ]);
    expect(cardField(answer, "舆情：在办（3 件）")?.split("\n")).toEqual([
      "Y2026-0001（一般）青山镇 已回应，12月9日 08:30前回应",
      "Y2026-0002（较大）白水乡 待报口径，12月9日 09:30前回应【回应超时】",
      "Y2026-0004（一般）县应急管理局 待签收，12月11日 09:00前回应",
    ]);
    expect(cardField(answer, "舆情：回应超时（1 件）")).toBe(
      "Y2026-0002（较大）白水乡 超时 30 分钟（时限 09:30）",
    );
  });
});

describe("统计's 舆情 section", () => {
  it("gives each unit's items, on-time 核实 and on-time 回应 for the month", {
    timeout: 30_000,
  }, async () => {
    const december = await ask("总值班室", "孙值班", "统计 2026-12");
    expect(cardField(december, "舆情")?.split("\n")).toEqual([
      "县应急管理局：舆情 1 件，核实按时 0/0，回应按时 0/0",
      "青山镇：舆情 1 件，核实按时 1/1，回应按时 1/1",
      "白水乡：舆情 2 件，核实按时 1/2，回应按时 0/1",
    ]);
    expect(december.card?.note).toContain("核实按时为按时核实的件数/已核实的件数");
    expect(cardField(await ask("总值班室", "孙值班", "统计 2026-11"), "舆情")).toBe(
      "青山镇：舆情 1 件，核实按时 1/1，回应按时 1/1",
    );
  });

  it("shows a unit's people their own unit's line only, and 无 when it has none", {
    timeout: 30_000,
  }, async () => {
    expect(cardField(await ask("白水乡工作群", "李四", "统计 2026-12"), "舆情")).toBe(
      "白水乡：舆情 2 件，核实按时 1/2，回应按时 0/1",
    );
    expect(cardField(await ask("卫健委工作群", "褚科员", "统计 2026-12"), "舆情")).toBe("无");
  });
});

// Last: it moves the clock to 17:30.
describe("the opinion-digest job (舆情日报)", () => {
  const dailies = async (chat: string) =>
    (await t.app.history.list(chat, 0, 1000)).filter((m) => m.card?.title.startsWith("舆情日报"));

  it("sends the day's figures to the chats named, once even when the job runs again", {
    timeout: 30_000,
  }, async () => {
    now = local(12, 9, 17, 30);
    const job = {
      name: OPINION_JOBS.digest,
      data: {
        chats: ["leaders", "duty", "青山镇工作群"],
        scheduleId: "opinion-digest",
        dueAt: now.toISOString(),
      },
    };
    await t.app.jobs.run(t.app.services, "opinion-digest-20261209", job);
    await t.app.idle();
    const [card] = (await dailies("leaders")).map((m) => m.card);
    expect(card?.title).toBe("舆情日报 · 12月9日（星期三）");
    expect(card?.fields).toEqual([
      {
        label: "舆情：新增（1 件）",
        value: "Y2026-0004（一般）县应急管理局 领导留言板「网民留言称城东应急避难场所大门长…」",
      },
      {
        label: "舆情：在办（3 件）",
        value: [
          "Y2026-0001（一般）青山镇 已回应，12月9日 08:30前回应",
          "Y2026-0002（较大）白水乡 待报口径，12月9日 09:30前回应【回应超时】",
          "Y2026-0004（一般）县应急管理局 待签收，12月11日 09:00前回应【核实超时】",
        ].join("\n"),
      },
      { label: "舆情：回应超时（1 件）", value: "Y2026-0002（较大）白水乡 超时 8 小时（时限 09:30）" },
      { label: "今日各单位", value: "县应急管理局：舆情 1 件，核实按时 0/0，回应按时 0/0" },
    ]);
    expect(await dailies("duty")).toHaveLength(1);
    // A unit's work group is not sent the whole county's figures.
    expect(await dailies("qingshan-work")).toHaveLength(0);

    // A retry of the same job ten minutes later (its figures moved on) posts nothing new.
    now = local(12, 9, 17, 40);
    await t.app.jobs.run(t.app.services, "opinion-digest-20261209", job);
    await t.app.idle();
    expect(await dailies("leaders")).toHaveLength(1);
    expect(await dailies("duty")).toHaveLength(1);
  });
});
