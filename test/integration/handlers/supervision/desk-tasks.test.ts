/**
 * The desk's 督办 parts on the real app and database, with the tasks of task-queries-fixture.ts (as
 * of 2026-12-07 09:00): the `tasks` panel for a leader, the duty office and a unit's reporter; a
 * task's page (facts, parts, timeline, actions, documents) and who may open it; the on-time chart;
 * and the page's actions done as the web does them, changing what the chat's own commands change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeskTable } from "../../../../src/bot/core/desk.ts";
import { TaskStore } from "../../../../src/handlers/supervision/task-store.ts";
import { actionOf, DeskWorld } from "./desk-world.ts";
import { local, NOW, seedTasks } from "./task-queries-fixture.ts";

let world: DeskWorld;
let ids: Map<string, number>;

beforeAll(async () => {
  world = await DeskWorld.open(NOW);
  await seedTasks(world.prisma);
  const tasks = await world.prisma.supervisionTask.findMany({ select: { id: true, number: true } });
  ids = new Map(tasks.map((t) => [t.number, t.id]));
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const idOf = (number: string) => ids.get(number) ?? -1;

function table(panel: { blocks: { kind: string }[] } | null): DeskTable {
  const block = panel?.blocks[0];
  if (block?.kind !== "table") throw new Error("the panel has no table");
  return block as DeskTable;
}

describe("the tasks panel", () => {
  it("shows a leader and the duty office every open task as the ledger orders them, with lights", async () => {
    for (const viewer of ["li-shuji", "sun-zhiban"]) {
      const panel = await world.panel("tasks", viewer);
      expect(panel?.count).toBe(5);
      const rows = table(panel).rows;
      expect(rows.map((r) => r.cells[1]?.text)).toEqual([
        "D2026-0001",
        "D2026-0007",
        "D2026-0003",
        "D2026-0002",
        "D2026-0004",
      ]);
      expect(rows.map((r) => r.tone)).toEqual(["red", "red", "yellow", "green", "green"]);
      expect(rows[0]?.item).toEqual({ kind: "task", id: String(idOf("D2026-0001")) });
      expect(rows[0]?.cells[3]?.text).toBe("青山镇（牵头）已办结、白水乡（配合）逾期");
      expect(rows[0]?.cells[4]).toMatchObject({ countdownTo: local(12, 5, 18).toISOString(), tone: "red" });
      expect(rows[4]?.cells[4]?.countdownTo).toBe(local(12, 10, 18).toISOString());
    }
  });

  it("shows a unit's reporter only their unit's open parts, and says so when there are none", async () => {
    const qingshan = await world.panel("tasks", "zhangsan");
    expect(qingshan?.count).toBe(1);
    expect(table(qingshan).rows.map((r) => r.cells[1]?.text)).toEqual(["D2026-0002"]);
    const health = await world.panel("tasks", "chu-keyuan");
    expect(health?.count).toBe(0);
    expect(table(health)).toMatchObject({ rows: [], empty: "县卫生健康委目前没有在办的督办事项。" });
  });
});

describe("a task's page", () => {
  it("shows the facts, each unit's part and the timeline in Chinese, with the 台账 for a leader", async () => {
    const page = await world.page("task", idOf("D2026-0001"), "li-shuji");
    expect(page?.title).toBe("D2026-0001 报送防汛物资储备情况");
    expect(page?.tone).toBe("red");
    const facts = page?.sections[0]?.blocks[0];
    expect(facts?.kind === "facts" && facts.facts.map((f) => [f.label, f.value.text])).toEqual([
      ["编号", "D2026-0001"],
      ["内容", "报送防汛物资储备情况"],
      ["交办人", "李书记"],
      ["交办时间", "2026-12-04 09:00"],
      ["期限", "2026-12-05 18:00"],
      ["状态", "红灯"],
    ]);
    const parts = page?.sections[1]?.blocks[0];
    expect(parts?.kind === "table" && parts.rows.map((r) => r.cells.slice(0, 2).map((c) => c.text))).toEqual([
      ["青山镇（牵头）", "已办结"],
      ["白水乡（配合）", "逾期"],
    ]);
    const timeline = page?.sections[2]?.blocks[0];
    expect(timeline?.kind === "timeline" && timeline.entries.map((e) => [e.who, e.text])).toEqual([
      ["李书记", "交办：青山镇牵头、白水乡配合，期限 12-05 18:00"],
      ["青山镇 张三", "签收"],
      ["青山镇 张三", "申请办结：已报送物资清单"],
      ["青山镇 李书记", "确认办结"],
      ["白水乡", "逾期，发出第 1 次督办通知"],
    ]);
    expect(page?.documents).toEqual([{ documentId: "task-ledger", label: "督办台账", params: {} }]);
  });

  it("is not there for a unit without a part, nor for a number that is no task", async () => {
    expect(await world.page("task", idOf("D2026-0003"), "zhangsan")).toBeNull();
    expect(await world.page("task", 999_999, "li-shuji")).toBeNull();
    expect(await world.page("task", "D2026-0001", "li-shuji")).toBeNull();
  });

  it("offers each viewer what they may do now, in a chat they may speak in", async () => {
    const id = idOf("D2026-0003"); // 柳林镇 申请办结, assigned by 王县长
    const assigner = await world.page("task", id, "wang-xianzhang");
    expect(assigner?.actions.map((a) => [a.id.replace(/\d+$/, "N"), a.chatId, a.press ?? a.say])).toEqual([
      ["confirm-N", "leaders", expect.stringMatching(/^task:confirm:\d+$/)],
      ["return-N", "leaders", "退回 D2026-0003 柳林镇 {text}"],
    ]);
    const duty = await world.page("task", id, "sun-zhiban"); // close_roles: leader, duty
    expect(duty?.actions.map((a) => a.chatId)).toEqual(["duty", "duty"]);
    const reporter = await world.page("task", id, "wangwu");
    expect(reporter?.actions.map((a) => [a.label, a.chatId, a.say])).toEqual([
      ["反馈", "dm:wangwu", "反馈 D2026-0003 {text}"],
    ]);
    expect(reporter?.documents).toEqual([]);
  });
});

describe("the on-time chart", () => {
  it("shows a leader each unit's 按期办结率 this month, and a unit's reporter their own", async () => {
    expect(await world.chart("task-on-time", "li-shuji")).toEqual({
      kind: "bar",
      title: "督办按期办结率（12月，按单位）",
      categories: ["县应急管理局", "青山镇", "白水乡", "柳林镇"],
      series: [{ name: "按期办结率", values: [0, 50, 0, 0] }],
      unit: "%",
    });
    const own = await world.chart("task-on-time", "zhangsan");
    expect(own?.categories).toEqual(["青山镇"]);
  });
});

describe("the page's actions", () => {
  it("do what the chat does: 反馈 and 退回 typed, 确认办结 pressed", { timeout: 30_000 }, async () => {
    const id = idOf("D2026-0003");
    const store = new TaskStore(world.prisma);
    const partOf = async () => (await store.byId(id))?.parts[0];

    const progress = actionOf(await world.page("task", id, "wangwu"), `progress-${(await partOf())?.id}`);
    const told = await world.act(progress, "wangwu", "已核实三所学校");
    expect(told.map((m) => m.text).join("\n")).toContain("D2026-0003");
    expect((await partOf())?.lastProgress).toBe("已核实三所学校");

    const page = await world.page("task", id, "wang-xianzhang");
    const returned = await world.act(
      actionOf(page, `return-${(await partOf())?.id}`),
      "wang-xianzhang",
      "请补充照片",
    );
    expect(returned.map((m) => m.text).join("\n")).toContain("柳林镇");
    expect((await partOf())?.closeRequestedAt).toBeNull();
    expect((await world.page("task", id, "wang-xianzhang"))?.actions).toEqual([]);

    await world.prisma.supervisionPart.update({
      where: { id: (await partOf())?.id ?? -1 },
      data: { closeRequestedAt: local(12, 7, 8, 50), closeResult: "已补充照片", closeBy: "wangwu" },
    });
    const confirm = actionOf(
      await world.page("task", id, "wang-xianzhang"),
      `confirm-${(await partOf())?.id}`,
    );
    const confirmed = await world.act(confirm, "wang-xianzhang");
    expect(confirmed.map((m) => m.text).join("\n")).toContain("D2026-0003");
    expect((await partOf())?.closedAt).toEqual(NOW);
    const after = await world.page("task", id, "wang-xianzhang");
    expect(after?.actions).toEqual([]);
    const timeline = after?.sections[2]?.blocks[0];
    expect(timeline?.kind === "timeline" && timeline.entries.map((e) => e.text).slice(-4)).toEqual([
      "反馈：已核实三所学校",
      "退回：请补充照片",
      "确认办结",
      "全部办结",
    ]);
  });
});
