/**
 * 统计 and 通报 on the real app and database, against numbers worked out by hand for February 2026:
 * - 青山镇: 2026-0001 on time, 2026-0002 late 20 min, 2026-0003 late 40 min → 3 起, 按时 1 起
 *   (33.3%), 迟报平均 30 分钟; 1 missed follow-up; 零报告 3 days: on time, late (02-10), missed (02-11)
 *   → 33.3%.
 * - 白水乡: 2026-0004 on time → 100%; 零报告 2 days on time → 100%.
 * - 柳林镇: nothing in February; 2026-0005 is in March and must not count.
 * Total: 4 起, 按时 2 (50%), 迟报平均 30 分钟, 零报告 5 days, 3 on time (60%).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { cardField, firstAnswer } from "../../../support/first-answer.ts";
import { insertDaily, insertIncident, insertMissedFollowUp, MINUTE } from "../digest/reporting-fixture.ts";

/** 2026-03-04 09:00 in Shanghai. */
const NOW = new Date("2026-03-04T01:00:00Z");
const feb = (day: number, hour = 10) => new Date(Date.UTC(2026, 1, day, hour - 8));
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => NOW } });
  const prisma = t.database.prisma;
  await insertIncident(prisma, { number: "2026-0001", unitId: "qingshan", reportedAt: feb(2) });
  const missed = await insertIncident(prisma, {
    number: "2026-0002",
    unitId: "qingshan",
    reportedAt: feb(9),
    lateByMs: 20 * MINUTE,
  });
  await insertMissedFollowUp(prisma, missed, feb(10));
  await insertIncident(prisma, {
    number: "2026-0003",
    unitId: "qingshan",
    reportedAt: feb(28, 23),
    lateByMs: 40 * MINUTE,
  });
  await insertIncident(prisma, { number: "2026-0004", unitId: "baishui", reportedAt: feb(1, 0) });
  // 2026-03-01 00:30 in Shanghai: March, although still February in UTC.
  await insertIncident(prisma, {
    number: "2026-0005",
    unitId: "liulin",
    reportedAt: new Date("2026-02-28T16:30:00Z"),
    lateByMs: 5 * MINUTE,
  });
  await insertDaily(prisma, [
    { unitId: "qingshan", day: "2026-02-09", status: "on_time", at: feb(9, 16) },
    { unitId: "qingshan", day: "2026-02-10", status: "late", at: feb(10, 18) },
    { unitId: "qingshan", day: "2026-02-11", status: "missed", at: feb(11, 17) },
    { unitId: "baishui", day: "2026-02-09", status: "on_time", at: feb(9, 15) },
    { unitId: "baishui", day: "2026-02-10", status: "on_time", at: feb(10, 15) },
    { unitId: "liulin", day: "2026-03-01", status: "missed", at: new Date("2026-03-01T09:00:00Z") },
  ]);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** Said to the bot: in a group it hears only what @-mentions it. */
const ask = (chat: string, person: string, text: string): Promise<ConsoleMessageDto> =>
  firstAnswer(t, chat, person, `@快报助手 ${text}`);

describe("统计", () => {
  it("gives every reporting unit's figures for a month, with a chart of on-time rates", {
    timeout: 30_000,
  }, async () => {
    const answer = await ask("总值班室", "孙值班", "统计 2026-02");
    expect(answer.card?.title).toBe("报送统计 · 2026年2月");
    expect(cardField(answer, "青山镇")).toBe(
      "首报 3 起，按时 1 起（按时率 33.3%），迟报平均 30 分钟；漏报续报 1 次；零报告 应报 3 天，按时 1、迟报 1、漏报 1（按时率 33.3%）",
    );
    expect(cardField(answer, "白水乡")).toBe(
      "首报 1 起，按时 1 起（按时率 100%）；漏报续报 0 次；零报告 应报 2 天，按时 2、迟报 0、漏报 0（按时率 100%）",
    );
    expect(cardField(answer, "柳林镇")).toBe("首报 0 起；漏报续报 0 次；零报告 无应报记录");
    expect(cardField(answer, "合计")).toBe(
      "首报 4 起，按时 2 起（按时率 50%），迟报平均 30 分钟；漏报续报 1 次；零报告 应报 5 天，按时 3、迟报 1、漏报 1（按时率 60%）",
    );
    expect(answer.card?.chart).toEqual({
      kind: "bar",
      title: "各单位按时率",
      categories: ["县应急管理局", "县卫生健康委", "青山镇", "白水乡", "柳林镇"],
      series: [
        { name: "首报按时率", values: [null, null, 33.3, 100, null] },
        { name: "零报告按时率", values: [null, null, 33.3, 100, null] },
      ],
      unit: "%",
    });
  });

  it("shows a reporter only their own unit", { timeout: 30_000 }, async () => {
    const answer = await ask("白水乡工作群", "李四", "统计 2026年2月");
    expect(answer.card?.title).toBe("白水乡报送统计 · 2026年2月");
    // The reporting figures, then the 督办 and 舆情 sections (白水乡 has no task or item in February: 无).
    expect(answer.card?.fields.map((f) => f.label)).toEqual(["白水乡", "督办", "舆情"]);
  });

  it("answers a period it cannot read, or one still ahead, in plain Chinese", {
    timeout: 30_000,
  }, async () => {
    expect((await ask("总值班室", "孙值班", "统计 昨天")).text).toContain("没看懂要统计哪段时间");
    expect((await ask("总值班室", "孙值班", "统计 2026-05")).text).toContain("这段时间还没到");
  });
});

describe("通报", () => {
  it("lists late and missed reports by unit for the month, and the units that were on time", {
    timeout: 30_000,
  }, async () => {
    const answer = await ask("县领导群", "李书记", "通报 2026-02");
    expect(answer.card?.title).toBe("关于2026年2月信息报送情况的通报");
    expect(cardField(answer, "总体")).toBe("本月共迟报 3 次、漏报 2 次。");
    expect(cardField(answer, "迟报")).toBe(
      "青山镇：首报迟报 2 起（2026-0002 迟 20 分钟、2026-0003 迟 40 分钟）；零报告迟报 1 次（02-10）",
    );
    expect(cardField(answer, "漏报")).toBe("青山镇：漏报续报 1 次（2026-0002）；零报告漏报 1 次（02-11）");
    // Only units with something due in February: 柳林镇 and the departments had nothing to report.
    expect(cardField(answer, "按时报送单位")).toBe("白水乡");
    expect(answer.card?.chart?.categories).toEqual(["青山镇"]);
    expect(answer.card?.chart?.series).toEqual([
      { name: "迟报", values: [3] },
      { name: "漏报", values: [2] },
    ]);
  });

  it("says 无 in the late and missed sections for a clean month, and refuses reporters", {
    timeout: 30_000,
  }, async () => {
    const answer = await ask("总值班室", "吴主任", "通报 2026-01");
    expect([cardField(answer, "迟报"), cardField(answer, "漏报")]).toEqual(["无", "无"]);
    // January has no records at all: it says so, and praises nobody.
    expect(cardField(answer, "总体")).toContain("本月没有报送记录");
    expect(cardField(answer, "按时报送单位")).toBe("无");
    expect(answer.card?.chart).toBeUndefined();
    expect((await ask("青山镇工作群", "张三", "通报 2026-02")).text).toContain("没有这项操作的权限");
    expect((await ask("总值班室", "吴主任", "通报 本周")).text).toContain("请写要通报的月份");
  });

  it("is sent by the monthly-notice job about the month before, to the chats named", {
    timeout: 30_000,
  }, async () => {
    await t.app.jobs.run(t.app.services, "monthly-notice-202603", {
      name: "monthly-notice",
      data: { chats: ["leaders"], scheduleId: "monthly-notice", dueAt: "2026-03-01T01:00:00.000Z" },
    });
    await t.app.idle();
    const notices = (await t.app.history.list("leaders")).filter((m) => m.card?.title.includes("通报"));
    expect(notices.map((m) => m.card?.title)).toContain("关于2026年2月信息报送情况的通报");
    expect(
      (await t.app.history.list("duty")).filter((m) => m.card?.title === "关于2026年2月信息报送情况的通报"),
    ).toEqual([]);
  });

  it("sends nothing when the job names a month still ahead", { timeout: 30_000 }, async () => {
    await t.app.jobs.run(t.app.services, "monthly-notice-ahead", {
      name: "monthly-notice",
      data: { chats: ["duty"], month: "2026-04" },
    });
    await t.app.idle();
    const titles = (await t.app.history.list("duty")).map((m) => m.card?.title ?? m.text);
    expect(titles.filter((title) => title.includes("2026年4月"))).toEqual([]);
  });
});
