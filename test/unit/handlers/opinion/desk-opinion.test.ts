/** The desk's 舆情 pieces: level colours, the clocks' cells, the page's actions by viewer, the chart, and local months. */
import { describe, expect, it } from "vitest";
import { type OpinionPolicy, opinionPolicySchema } from "../../../../src/config/opinion-policy.ts";
import type { Person } from "../../../../src/config/org.ts";
import { monthsUpTo } from "../../../../src/handlers/office/months.ts";
import { inTimeChart, monthShares } from "../../../../src/handlers/opinion/desk/in-time-chart.ts";
import { itemActions } from "../../../../src/handlers/opinion/desk/item-page-actions.ts";
import { itemRow, stageCell } from "../../../../src/handlers/opinion/desk/item-rows.ts";
import { levelTone } from "../../../../src/handlers/opinion/desk/level-tone.ts";
import { dec, opinionItem } from "./queries/opinion-item.ts";

const rules: OpinionPolicy = opinionPolicySchema.parse({});
const view = (now: Date) => ({
  now,
  unitName: () => "青山镇",
  time: (d: Date) => d.toISOString().slice(5, 16),
});
const person = (id: string, unit: string, roles: Person["roles"]): Person => ({ id, name: id, unit, roles });

describe("level colours", () => {
  it("colour the default levels 重大 orange, 较大 yellow, 一般 blue, and a fourth most severe red", () => {
    expect(["major", "large", "general"].map((id) => levelTone(rules, id))).toEqual([
      "orange",
      "yellow",
      "blue",
    ]);
    const four = { levels: [{ id: "x" }, ...rules.levels] } as Pick<OpinionPolicy, "levels">;
    expect(levelTone(four, "x")).toBe("red");
    expect(levelTone(rules, "gone")).toBe("blue");
  });
});

describe("the clocks' cells", () => {
  it("count down to a stage ahead, mark one past its deadline 超时 in red, show one done as done", () => {
    const item = opinionItem();
    expect(stageCell(item, "verify", view(dec(7, 10)))).toEqual({
      text: item.verifyDueAt.toISOString().slice(5, 16),
      countdownTo: item.verifyDueAt.toISOString(),
    });
    expect(stageCell(item, "verify", view(dec(7, 13)))).toMatchObject({
      tone: "red",
      text: expect.stringContaining("【核实超时】"),
    });
    const verified = opinionItem({ verifiedAt: dec(7, 11), signedAt: dec(7, 9, 30) });
    expect(stageCell(verified, "verify", view(dec(7, 13)))).toEqual({
      text: `已核实 ${dec(7, 11).toISOString().slice(5, 16)}`,
      tone: "green",
    });
    const answered = opinionItem({ respondedAt: dec(7, 12), approvedAt: dec(7, 11) });
    expect(stageCell(answered, "verify", view(dec(7, 13)))).toEqual({ text: "无需", tone: "grey" });
  });

  it("a row links the number to the item's page and carries the level's colour", () => {
    const row = itemRow(opinionItem({ id: 5, levelId: "major" }), rules, view(dec(7, 10)));
    expect(row.item).toEqual({ kind: "opinion", id: "5" });
    expect(row.tone).toBe("orange");
    expect(row.cells.slice(0, 4).map((c) => c.text)).toEqual(["Y2026-0001", "重大", "青山镇", "待签收"]);
  });
});

describe("the page's actions", () => {
  const leader = person("li-shuji", "county-office", ["leader"]);
  const duty = person("sun-zhiban", "duty-office", ["duty"]);
  const reporter = person("zhangsan", "qingshan", ["reporter"]);

  it("give a leader 已阅 (until read), 批示, 同意发布 while a 口径 waits, and 办结", () => {
    const waiting = opinionItem({
      signedAt: dec(7, 9),
      verifiedAt: dec(7, 10),
      draft: "口径",
      draftAt: dec(7, 11),
    });
    expect(itemActions(waiting, [], leader, rules, "leaders")).toEqual([
      { id: "read", label: "已阅", chatId: "leaders", press: "opinion:read:1" },
      {
        id: "instruct",
        label: "批示",
        chatId: "leaders",
        say: "批示 Y2026-0001 {text}",
        ask: { label: "批示内容", placeholder: "请立即核实，依法依规回应" },
      },
      { id: "approve", label: "同意发布", chatId: "leaders", press: "opinion:approve:1" },
      { id: "close", label: "办结", chatId: "leaders", press: "opinion:close:1" },
    ]);
    expect(itemActions(opinionItem(), ["li-shuji"], leader, rules, "leaders").map((a) => a.id)).toEqual([
      "instruct",
      "close",
    ]);
  });

  it("give the duty office 已阅 and 办结, the unit's people 签收 until signed, and nobody anything once closed", () => {
    expect(itemActions(opinionItem(), [], duty, rules, "duty").map((a) => a.id)).toEqual(["read", "close"]);
    expect(itemActions(opinionItem(), [], reporter, rules, "dm:zhangsan").map((a) => a.press)).toEqual([
      "opinion:sign:1",
    ]);
    expect(itemActions(opinionItem({ signedAt: dec(7, 9) }), [], reporter, rules, "dm:zhangsan")).toEqual([]);
    expect(itemActions(opinionItem({ status: "closed" }), [], leader, rules, "leaders")).toEqual([]);
  });
});

describe("the answered-in-time chart", () => {
  const unit = (verified: number, verifiedOnTime: number, responded: number, respondedOnTime: number) => ({
    unitId: "u",
    items: 9,
    verified,
    verifiedOnTime,
    responded,
    respondedOnTime,
  });

  it("sums the units of a month: on time out of done, none done shows no point", () => {
    expect(monthShares([unit(2, 1, 1, 1), unit(2, 2, 0, 0)])).toEqual({ verify: 75, respond: 100 });
    expect(monthShares([])).toEqual({ verify: null, respond: null });
    const chart = inTimeChart([
      { month: 11, rows: [] },
      { month: 12, rows: [unit(1, 1, 1, 0)] },
    ]);
    expect(chart.categories).toEqual(["11月", "12月"]);
    expect(chart.series).toEqual([
      { name: "核实按时率", values: [null, 100] },
      { name: "回应按时率", values: [null, 0] },
    ]);
  });

  it("covers the six local months up to now, across a year's turn", () => {
    const months = monthsUpTo(new Date("2026-02-28T16:30:00Z"), 6, "Asia/Shanghai"); // 03-01 00:30 local
    expect(months.map((m) => `${m.year}-${m.month}`)).toEqual([
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-1",
      "2026-2",
      "2026-3",
    ]);
    expect(months[5]?.from.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(months[5]?.to.toISOString()).toBe("2026-03-31T16:00:00.000Z");
    expect(months[2]?.to.toISOString()).toBe("2025-12-31T16:00:00.000Z");
  });
});
