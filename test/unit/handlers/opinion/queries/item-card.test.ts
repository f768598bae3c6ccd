/** The card 查询 Y2026-0001 answers with: the item's facts, deadlines with 超时 marks, the approved 口径. */
import { describe, expect, it } from "vitest";
import { dueText, itemCard, reachText } from "../../../../../src/handlers/opinion/queries/item-card.ts";
import { dec, opinionItem } from "./opinion-item.ts";

const view = (now: Date) => ({
  now,
  unitName: (id: string) => (id === "qingshan" ? "青山镇" : id),
  personName: (id: string) => id,
  unitOf: () => undefined,
  levelName: (id: string) => (id === "general" ? "一般" : undefined),
  fullTime: (at: Date) => `F${at.toISOString().slice(5, 16)}`,
  time: (at: Date) => `S${at.toISOString().slice(5, 16)}`,
});
const field = (card: ReturnType<typeof itemCard>, label: string) =>
  card.fields.find((f) => f.label === label)?.value;

describe("the 查询 card", () => {
  it("shows the item, its step, the link as text and no optional field it does not have", () => {
    const card = itemCard(opinionItem({ signedAt: dec(7, 9, 10) }), [], view(dec(7, 10)));
    expect(card.title).toBe("【舆情】Y2026-0001 · 待核实");
    expect(card.tone).toBe("blue");
    expect(card.fields.map((f) => f.label)).toEqual([
      "级别",
      "来源",
      "链接",
      "内容",
      "责任单位",
      "发现时间",
      "传播情况",
      "当前环节",
      "核实时限",
      "回应时限",
      "时间线",
    ]);
    expect(field(card, "链接")).toBe("https://weibo.com/1234567890/AbCdEf");
    expect(field(card, "传播情况")).toBe("阅读 23000、转发 150、评论 320");
    expect(field(card, "时间线")).toBe("（暂无记录）");
    expect(card.buttons).toEqual([]);
  });

  it("marks a stage overdue, late or on time, and shows the approved 口径 and the answer", () => {
    const now = dec(9, 10);
    const overdue = opinionItem();
    expect(dueText(overdue, "verify", view(now))).toBe("F12-07T04:30【核实超时】");
    expect(itemCard(overdue, [], view(now)).tone).toBe("red");
    const done = opinionItem({
      signedAt: dec(7, 9, 10),
      verifiedAt: dec(7, 13),
      verification: "已清运",
      draft: "拟回应",
      draftAt: dec(7, 14),
      approvedAt: dec(7, 15),
      approvedText: "经核实，李家村垃圾已于12月7日清运完毕。",
      respondedAt: dec(7, 16),
      responseNote: "https://weibo.com/reply",
    });
    const card = itemCard(done, [], view(now));
    expect(card.title).toBe("【舆情】Y2026-0001 · 已回应");
    expect(field(card, "核实时限")).toBe("F12-07T04:30（S12-07T05:00 已核实，超时）");
    expect(field(card, "回应时限")).toBe("F12-09T00:30（S12-07T08:00 已回应）");
    expect(field(card, "核实情况")).toBe("已清运");
    expect(field(card, "发布口径")).toBe("经核实，李家村垃圾已于12月7日清运完毕。");
    expect(field(card, "回应情况")).toBe("https://weibo.com/reply");
  });

  it("reads only the known reach, and a closed item greys out", () => {
    expect(reachText(opinionItem({ reads: null, reposts: 5, comments: null }))).toBe("转发 5");
    expect(reachText(opinionItem({ reads: null, reposts: null, comments: null }))).toBeNull();
    const closed = itemCard(opinionItem({ status: "closed", closedAt: dec(8, 9) }), [], view(dec(9, 10)));
    expect(closed.title).toBe("【舆情】Y2026-0001 · 已办结");
    expect(closed.tone).toBe("grey");
    expect(field(closed, "办结时间")).toBe("F12-08T01:00");
  });
});
