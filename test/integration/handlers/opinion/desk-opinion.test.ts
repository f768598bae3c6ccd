/**
 * The desk's 舆情 parts on the real app and database, with the items of opinion-queries-fixture.ts
 * (as of 2026-12-09 10:00): the `opinion` panel for a leader, the duty office and a unit's reporter;
 * an item's page (facts, steps, texts, timeline, actions, documents) and who may open it; the
 * answered-in-time chart; and the page's actions done as the web does them, changing what the
 * chat's own buttons and commands change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeskTable } from "../../../../src/bot/core/desk.ts";
import { OpinionStore } from "../../../../src/handlers/opinion/opinion-store.ts";
import { sampleConfig } from "../../../support/app.ts";
import { actionOf, DeskWorld } from "../supervision/desk-world.ts";
import { local, NOW, seedOpinions } from "./queries/opinion-queries-fixture.ts";

let world: DeskWorld;
let ids: Map<string, number>;

beforeAll(async () => {
  world = await DeskWorld.open(NOW);
  await seedOpinions(world.prisma, (await sampleConfig()).policy.opinion);
  const items = await world.prisma.opinionItem.findMany({ select: { id: true, number: true } });
  ids = new Map(items.map((i) => [i.number, i.id]));
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

describe("the opinion panel", () => {
  it("shows a leader and the duty office every open item with its level and clocks", async () => {
    for (const viewer of ["li-shuji", "sun-zhiban"]) {
      const panel = await world.panel("opinion", viewer);
      expect(panel?.count).toBe(3);
      const rows = table(panel).rows;
      expect(rows.map((r) => [r.cells[0]?.text, r.tone, r.cells[1]?.text, r.cells[3]?.text])).toEqual([
        ["Y2026-0001", "blue", "一般", "已回应"],
        ["Y2026-0002", "yellow", "较大", "待报口径"],
        ["Y2026-0004", "blue", "一般", "待签收"],
      ]);
      expect(rows[0]?.item).toEqual({ kind: "opinion", id: String(idOf("Y2026-0001")) });
      const y2 = rows[1]?.cells ?? [];
      expect(y2[4]).toEqual({ text: "已核实 12-08 12:00", tone: "yellow" });
      expect(y2[5]).toEqual({
        text: "09:30【回应超时】",
        tone: "red",
        countdownTo: local(12, 9, 9, 30).toISOString(),
      });
      expect(rows[2]?.cells[4]).toEqual({ text: "13:00", countdownTo: local(12, 9, 13).toISOString() });
    }
  });

  it("shows a unit's reporter only their unit's items", async () => {
    const baishui = await world.panel("opinion", "lisi");
    expect(table(baishui).rows.map((r) => r.cells[0]?.text)).toEqual(["Y2026-0002"]);
    const health = await world.panel("opinion", "chu-keyuan");
    expect(health?.count).toBe(0);
    expect(table(health).empty).toBe("本单位目前没有在办舆情。");
  });
});

describe("an item's page", () => {
  it("shows the facts, each step, what was verified and the timeline, with the 台账 for a leader", async () => {
    const page = await world.page("opinion", idOf("Y2026-0002"), "li-shuji");
    expect(page?.title).toBe("Y2026-0002 抖音视频称白水乡卫生院夜间无人值班");
    expect(page?.tone).toBe("yellow");
    const sections = page?.sections ?? [];
    expect(sections.map((s) => s.title)).toEqual(["舆情", "办理环节", "核实与回应", "时间线"]);
    const facts = sections[0]?.blocks[0];
    expect(facts?.kind === "facts" && facts.facts.find((f) => f.label === "当前环节")?.value).toEqual({
      text: "待报口径",
      tone: "red",
    });
    const steps = sections[1]?.blocks[0];
    expect(steps?.kind === "table" && steps.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["签收", "—", "李四 12-08 10:40"],
      ["核实", "已核实 12-08 12:00", "何乡长 12-08 12:00"],
      ["报送口径", "—", "未完成"],
      ["同意发布", "—", "未完成"],
      ["回应", "09:30【回应超时】", "未完成"],
      ["办结", "—", "未完成"],
    ]);
    expect(sections[2]?.blocks).toEqual([{ kind: "text", title: "核实情况", text: "夜间值班医生临时外出" }]);
    const timeline = sections[3]?.blocks[0];
    expect(timeline?.kind === "timeline" && timeline.entries.map((e) => [e.who, e.text, e.tone])).toEqual([
      ["孙值班", "登记（较大）", undefined],
      [undefined, "已通知值班室、县领导和责任单位", undefined],
      ["白水乡 李四", "签收", undefined],
      ["白水乡 何乡长", "核实：夜间值班医生临时外出", undefined],
      [undefined, expect.stringContaining("回应"), "red"],
    ]);
    expect(page?.documents).toEqual([{ documentId: "opinion-ledger", label: "舆情台账", params: {} }]);
  });

  it("is for whoever may 查询 it: not another unit's reporter", async () => {
    expect(await world.page("opinion", idOf("Y2026-0002"), "lisi")).not.toBeNull();
    expect(await world.page("opinion", idOf("Y2026-0002"), "zhangsan")).toBeNull();
    expect(await world.page("opinion", "Y2026-0002", "li-shuji")).toBeNull();
  });

  it("offers a leader 已阅, 批示 and 办结 in the leaders' group, the duty office 已阅 and 办结 in theirs", async () => {
    const leader = await world.page("opinion", idOf("Y2026-0002"), "li-shuji");
    expect(leader?.actions.map((a) => [a.id, a.chatId, a.press ?? a.say])).toEqual([
      ["read", "leaders", `opinion:read:${idOf("Y2026-0002")}`],
      ["instruct", "leaders", "批示 Y2026-0002 {text}"],
      ["close", "leaders", `opinion:close:${idOf("Y2026-0002")}`],
    ]);
    const duty = await world.page("opinion", idOf("Y2026-0002"), "sun-zhiban");
    expect(duty?.actions.map((a) => [a.id, a.chatId])).toEqual([
      ["read", "duty"],
      ["close", "duty"],
    ]);
    const reporter = await world.page("opinion", idOf("Y2026-0002"), "lisi");
    expect(reporter?.actions).toEqual([]);
    expect(reporter?.documents).toEqual([]);
  });
});

describe("the answered-in-time chart", () => {
  it("shows the share of 核实 and 回应 on time per month over six months", async () => {
    const chart = await world.chart("opinion-in-time", "li-shuji");
    expect(chart?.categories).toEqual(["7月", "8月", "9月", "10月", "11月", "12月"]);
    // December: 核实 Y1, Y3 on time, Y2 late → 67; 回应 Y1 on time, Y3 late → 50. November: Y5 on time.
    expect(chart?.series).toEqual([
      { name: "核实按时率", values: [null, null, null, null, 100, 67] },
      { name: "回应按时率", values: [null, null, null, null, 100, 50] },
    ]);
    const baishui = await world.chart("opinion-in-time", "lisi");
    expect(baishui?.series.map((s) => s.values.at(-1))).toEqual([50, 0]);
  });
});

describe("the page's actions", () => {
  it("do what the chat does: 已阅 and 同意发布 pressed, 批示 typed, 办结 pressed", {
    timeout: 30_000,
  }, async () => {
    const id = idOf("Y2026-0002");
    const store = new OpinionStore(world.prisma);
    const page = () => world.page("opinion", id, "li-shuji");

    const read = await world.act(actionOf(await page(), "read"), "li-shuji");
    expect(read.map((m) => m.text)).toContain("Y2026-0002 李书记已阅");
    expect((await page())?.actions.map((a) => a.id)).not.toContain("read");

    await world.act(actionOf(await page(), "instruct"), "li-shuji", "请白水乡今天内回应");
    const steps = (await store.timeline(id)).map((e) => [e.kind, e.actorId]);
    expect(steps).toContainEqual(["instructed", "li-shuji"]);

    await world.prisma.opinionItem.update({
      where: { id },
      data: { draft: "白水乡卫生院已落实夜间值班", draftAt: local(12, 9, 9, 50), draftBy: "lisi" },
    });
    await world.act(actionOf(await page(), "approve"), "li-shuji");
    expect((await store.byId(id))?.approvedBy).toBe("li-shuji");

    await world.act(actionOf(await world.page("opinion", id, "sun-zhiban"), "close"), "sun-zhiban");
    expect((await store.byId(id))?.status).toBe("closed");
    expect((await page())?.actions).toEqual([]);
  });
});
