/** 统计's 舆情 figures per unit: items, 核实按时 and 回应按时 out of those done; the field's lines and 无. */
import { describe, expect, it } from "vitest";
import { itemStatistics } from "../../../../../src/handlers/opinion/queries/item-statistics.ts";
import { itemStatisticsField } from "../../../../../src/handlers/opinion/queries/item-statistics-field.ts";
import { dec } from "./opinion-item.ts";

const item = (
  unitId: string,
  verifiedAt: Date | null,
  respondedAt: Date | null,
  dues = { verifyDueAt: dec(7, 12), respondDueAt: dec(9, 8) },
) => ({ unitId, verifiedAt, respondedAt, ...dues });

const names = (id: string) => ({ qingshan: "青山镇", baishui: "白水乡", liulin: "柳林镇" })[id] ?? id;

describe("舆情 figures per unit", () => {
  it("counts items, and on-time 核实 and 回应 among those done (a deadline met to the minute is on time)", () => {
    const rows = itemStatistics(
      ["qingshan", "baishui", "liulin"],
      [
        item("qingshan", dec(7, 11), dec(8, 9)),
        item("qingshan", dec(7, 12), null),
        item("qingshan", dec(7, 13), dec(9, 9)),
        item("qingshan", null, null),
        item("baishui", dec(7, 14), dec(9, 8)),
        item("emergency", null, null),
      ],
    );
    expect(rows).toEqual([
      { unitId: "qingshan", items: 4, verified: 3, verifiedOnTime: 2, responded: 2, respondedOnTime: 1 },
      { unitId: "baishui", items: 1, verified: 1, verifiedOnTime: 0, responded: 1, respondedOnTime: 1 },
      { unitId: "emergency", items: 1, verified: 0, verifiedOnTime: 0, responded: 0, respondedOnTime: 0 },
    ]);
    expect(itemStatisticsField(rows, names)).toEqual({
      label: "舆情",
      value: [
        "青山镇：舆情 4 件，核实按时 2/3，回应按时 1/2",
        "白水乡：舆情 1 件，核实按时 0/1，回应按时 1/1",
        "emergency：舆情 1 件，核实按时 0/0，回应按时 0/0",
      ].join("\n"),
    });
  });

  it("says 无 when no unit has an item, under the label asked for", () => {
    expect(itemStatisticsField(itemStatistics(["qingshan"], []), names)).toEqual({
      label: "舆情",
      value: "无",
    });
    expect(itemStatisticsField([], names, "今日各单位").label).toBe("今日各单位");
  });
});
