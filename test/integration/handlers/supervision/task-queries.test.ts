/**
 * 督办, 督办 逾期 and 查询 D2026-0001 on the real app and database (the console client), with the
 * tasks of task-queries-fixture.ts: who sees which tasks, the order (overdue first, then the nearest
 * deadline), lights and states, the task card and its timeline, and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import { overdueParts } from "../../../../src/handlers/supervision/queries/overdue-parts.ts";
import { TaskStore } from "../../../../src/handlers/supervision/task-store.ts";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { cardField, firstAnswer } from "../../../support/first-answer.ts";
import { local, NOW, seedTasks } from "./task-queries-fixture.ts";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => NOW } });
  await seedTasks(t.database.prisma);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const ask = (chat: string, person: string, text: string): Promise<ConsoleMessageDto> =>
  firstAnswer(t, chat, person, `@快报助手 ${text}`);

describe("督办 (the ledger)", () => {
  it("shows the duty office every open task, overdue first, then by the nearest deadline", {
    timeout: 30_000,
  }, async () => {
    const answer = await ask("总值班室", "孙值班", "督办");
    expect(answer.text.split("\n")).toEqual([
      "在办督办事项（5 项，逾期 2 项）：",
      "🔴 D2026-0001「报送防汛物资储备情况」青山镇（牵头）已办结、白水乡（配合）逾期 · 期限 12-05 18:00",
      "🔴 D2026-0007「核查危化品企业安全隐患」县应急管理局（牵头）逾期 · 期限 12-06 18:00",
      "🟡 D2026-0003「核实学校周边交通安全设施情况」柳林镇（牵头）待确认办结 · 期限 10:00",
      "🟢 D2026-0002「排查辖区道路积水隐患并报送整改清单」青山镇（牵头）办理中 · 期限 18:00",
      "🟢 D2026-0004「整治农贸市场周边占道经营」白水乡（牵头）办理中，延期至 12-10 18:00 · 期限 12-03 18:00",
      "回复「查询 编号」查看详情和时间线。",
    ]);
  });

  it("shows a unit's people only their unit's open parts", { timeout: 30_000 }, async () => {
    const qingshan = await ask("青山镇工作群", "张三", "督办");
    expect(qingshan.text.split("\n").slice(0, 2)).toEqual([
      "青山镇在办督办事项（1 项，逾期 0 项）：",
      "🟢 D2026-0002「排查辖区道路积水隐患并报送整改清单」青山镇（牵头）办理中 · 期限 18:00",
    ]);
    const baishui = await ask("白水乡工作群", "李四", "督办");
    expect(baishui.text).toContain("白水乡在办督办事项（2 项，逾期 1 项）：");
    expect(baishui.text).not.toContain("青山镇");
    expect((await ask("私聊 陈主任", "陈主任", "督办")).text).toBe("县卫生健康委目前没有在办的督办事项。");
  });

  it("lists only the overdue with 督办 逾期", { timeout: 30_000 }, async () => {
    const all = await ask("县领导群", "李书记", "督办 逾期");
    expect(all.text.split("\n").map((line) => line.split("「")[0])).toEqual([
      "逾期督办事项（2 项）：",
      "🔴 D2026-0001",
      "🔴 D2026-0007",
      "回复",
    ]);
    const baishui = await ask("白水乡工作群", "李四", "督办 逾期");
    expect(baishui.text).toContain("白水乡逾期督办事项（1 项）：\n🔴 D2026-0001");
    expect(baishui.text).not.toContain("D2026-0004");
    expect((await ask("柳林镇工作群", "王五", "督办 逾期")).text).toBe("柳林镇目前没有逾期的督办事项。");
    expect((await ask("柳林镇工作群", "王五", "督办 明天")).text).toContain("督办 逾期");
  });
});

describe("查询 D2026-0001", () => {
  it("shows the task, each unit's state and light, and the timeline in local times", {
    timeout: 30_000,
  }, async () => {
    const answer = await ask("白水乡工作群", "李四", "查询 d2026-0001");
    expect(answer.card?.title).toBe("【督办】D2026-0001 · 办理中");
    expect(answer.card?.tone).toBe("red");
    expect(cardField(answer, "内容")).toBe("报送防汛物资储备情况");
    expect(cardField(answer, "交办人")).toBe("李书记");
    expect(cardField(answer, "交办时间")).toBe("2026-12-04 09:00");
    expect(cardField(answer, "期限")).toBe("2026-12-05 18:00");
    expect(cardField(answer, "青山镇（牵头）")).toBe(
      "已办结 · 期限 2026-12-05 18:00\n签收：张三（12-04 10:00）\n办结：12-05 10:00",
    );
    expect(cardField(answer, "白水乡（配合）")).toBe("🔴 逾期 · 期限 2026-12-05 18:00\n未签收");
    expect(cardField(answer, "时间线")?.split("\n")).toEqual([
      "12-04 09:00 李书记 交办：青山镇牵头、白水乡配合，期限 12-05 18:00",
      "12-04 10:00 青山镇 张三 签收",
      "12-05 09:00 青山镇 张三 申请办结：已报送物资清单",
      "12-05 10:00 青山镇 李书记 确认办结",
      "12-05 18:00 白水乡 逾期，发出第 1 次督办通知",
    ]);
  });

  it("shows an extension, a pending 申请办结 and a closed task", { timeout: 30_000 }, async () => {
    const extended = await ask("总值班室", "孙值班", "查询 D2026-0004");
    expect(cardField(extended, "白水乡（牵头）")).toBe(
      "🟢 办理中 · 期限 2026-12-10 18:00\n已延期 1 次（原期限 2026-12-03 18:00）\n签收：李四（12-01 10:00）",
    );
    const pending = await ask("私聊 王县长", "王县长", "查询 D2026-0003");
    expect(pending.card?.tone).toBe("yellow");
    expect(cardField(pending, "柳林镇（牵头）")).toBe(
      "🟡 待确认办结 · 期限 2026-12-07 10:00\n签收：王五（12-06 12:00）\n申请办结（08:30）：已核实",
    );
    const closed = await ask("柳林镇工作群", "吕镇长", "查询 D2026-0005");
    expect(closed.card?.title).toBe("【督办】D2026-0005 · 已办结");
    expect(cardField(closed, "办结时间")).toBe("2026-12-05 09:00");
  });

  it("refuses people whose unit has no part, and says so for a number not on file", {
    timeout: 30_000,
  }, async () => {
    expect((await ask("柳林镇工作群", "王五", "查询 D2026-0001")).text).toBe(
      "D2026-0001 没有本单位承办的部分，您没有查看权限。如需了解，请联系交办人或县总值班室。",
    );
    // The assigner sees their task whatever their unit.
    expect((await ask("私聊 王县长", "王县长", "查询 D2026-0003")).card?.title).toContain("D2026-0003");
    expect((await ask("总值班室", "孙值班", "查询 D2026-0099")).text).toBe(
      "没有找到督办事项「D2026-0099」，请核对编号（如 D2026-0001）。",
    );
    // An incident number still goes to the incidents' 查询.
    const incident = await ask("总值班室", "孙值班", "查询 2026-0042");
    expect(incident.text).not.toContain("督办");
  });
});

describe("the overdue sweep's query", () => {
  it("finds every open part whose deadline has come, oldest deadline first, with its clock fields", {
    timeout: 30_000,
  }, async () => {
    const found = await overdueParts(t.database.prisma, NOW);
    expect(found.map((p) => [p.task.number, p.unitId, p.overdueNotices, p.dueAt.toISOString()])).toEqual([
      ["D2026-0001", "baishui", 1, local(12, 5, 18).toISOString()],
      ["D2026-0007", "emergency", 0, local(12, 6, 18).toISOString()],
    ]);
    expect(found[0]?.task.createdAt).toEqual(local(12, 4, 9));
    // At its deadline exactly a part is overdue; D2026-0004's moved deadline keeps it off the list.
    const at10 = await overdueParts(t.database.prisma, local(12, 7, 10));
    expect(at10.map((p) => p.task.number)).toEqual(["D2026-0001", "D2026-0007", "D2026-0003"]);
  });
});

// Last: it adds tasks to the fixture.
describe("a long ledger", () => {
  it("lists the first 30 tasks and says how many more there are", { timeout: 60_000 }, async () => {
    const store = new TaskStore(t.database.prisma);
    for (let i = 0; i < 31; i++)
      await store.create({
        sourceKey: `long-${i}`,
        content: `防汛检查第 ${i + 1} 项`,
        assignerId: "li-shuji",
        chatId: "leaders",
        createdAt: local(12, 6, 9),
        dueAt: local(12, 8, 18, i),
        year: 2026,
        units: [{ unitId: "liulin", role: "lead" }],
      });
    const lines = (await ask("柳林镇工作群", "王五", "督办")).text.split("\n");
    expect(lines[0]).toBe("柳林镇在办督办事项（32 项，逾期 0 项）：");
    expect(lines).toHaveLength(1 + 30 + 2);
    // D2026-0003 (due today) comes first; the last of the new ones (due latest) is left out.
    expect(lines[1]).toContain("D2026-0003");
    expect(lines.slice(-2)).toEqual([
      "另有 2 项未列出，请用「查询 编号」查看。",
      "回复「查询 编号」查看详情和时间线。",
    ]);
  });
});
