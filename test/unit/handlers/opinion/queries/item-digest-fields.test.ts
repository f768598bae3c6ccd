/** The 日报's 舆情 fields: 无 when empty, counts in the labels, one item a line, cut after 15 lines. */
import { describe, expect, it } from "vitest";
import { itemDigestFields } from "../../../../../src/handlers/opinion/queries/item-digest-fields.ts";
import { dec, opinionItem } from "./opinion-item.ts";

const NOW = dec(9, 10, 30);
const view = {
  now: NOW,
  unitName: (id: string) => ({ qingshan: "青山镇", baishui: "白水乡" })[id] ?? id,
  levelName: (id: string) => ({ general: "一般", large: "较大" })[id] ?? id,
  time: (at: Date) => at.toISOString().slice(5, 16).replace("T", " "),
  deadline: (at: Date) => `D${at.toISOString().slice(8, 10)}`,
};

describe("the 日报's 舆情 fields", () => {
  it("says 无 in each of the three when nothing is new, open or overdue", () => {
    expect(itemDigestFields({ registered: [], open: [], overdue: [] }, view)).toEqual([
      { label: "舆情：新增（0 件）", value: "无" },
      { label: "舆情：在办（0 件）", value: "无" },
      { label: "舆情：回应超时（0 件）", value: "无" },
    ]);
  });

  it("writes the new, the open with their step and marks, and how long an answer is overdue", () => {
    const late = opinionItem({
      id: 2,
      number: "Y2026-0002",
      unitId: "baishui",
      levelId: "large",
      signedAt: dec(7, 9, 10),
      respondDueAt: dec(9, 8, 0),
    });
    const fresh = opinionItem({
      id: 3,
      number: "Y2026-0003",
      registeredAt: dec(9, 9),
      source: "抖音",
      verifyDueAt: dec(9, 10),
      respondDueAt: dec(11, 9),
    });
    const [added, open, overdue] = itemDigestFields(
      { registered: [fresh], open: [late, fresh], overdue: [late] },
      view,
    );
    expect(added).toEqual({
      label: "舆情：新增（1 件）",
      value: "Y2026-0003（一般）青山镇 抖音「微博网友发帖称青山镇李家村垃圾长…」",
    });
    // Y2026-0002 is past both deadlines; Y2026-0003 past its 核实 one (10:00) only.
    expect(open?.label).toBe("舆情：在办（2 件）");
    expect(open?.value.split("\n")).toEqual([
      "Y2026-0002（较大）白水乡 待核实，D09前回应【核实超时、回应超时】",
      "Y2026-0003（一般）青山镇 待签收，D11前回应【核实超时】",
    ]);
    expect(overdue).toEqual({
      label: "舆情：回应超时（1 件）",
      value: "Y2026-0002（较大）白水乡 超时 2 小时 30 分钟（时限 12-09 00:00）",
    });
  });

  it("lists 15 lines and says how many more there are", () => {
    const many = Array.from({ length: 17 }, (_, i) =>
      opinionItem({ id: i + 10, number: `Y2026-${String(i + 10).padStart(4, "0")}` }),
    );
    const [added] = itemDigestFields({ registered: many, open: [], overdue: [] }, view);
    const lines = added?.value.split("\n") ?? [];
    expect(added?.label).toBe("舆情：新增（17 件）");
    expect(lines).toHaveLength(16);
    expect(lines.at(-1)).toBe("另有 2 件未列出");
  });
});
