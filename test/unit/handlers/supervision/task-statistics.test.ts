/** 督办 figures per unit (pure counting) and the 统计 and 通报 fields drawn from them. */
import { describe, expect, it } from "vitest";
import { taskStatistics } from "../../../../src/handlers/supervision/queries/task-statistics.ts";
import {
  overdueNoticeField,
  taskStatisticsField,
} from "../../../../src/handlers/supervision/queries/task-statistics-fields.ts";

const due = new Date("2026-12-05T10:00:00Z");
const before = new Date("2026-12-05T09:00:00Z");
const after = new Date("2026-12-05T11:00:00Z");
const name = (id: string) => ({ a: "青山镇", b: "白水乡", c: "柳林镇" })[id] ?? id;

describe("督办 statistics", () => {
  it("counts on time only when closed by the deadline with no extension, and rates over what was assigned", () => {
    const rows = taskStatistics(["a", "b", "c"], {
      assigned: [
        { unitId: "a", dueAt: due, closedAt: before, extensions: 0 },
        { unitId: "a", dueAt: due, closedAt: due, extensions: 0 },
        { unitId: "a", dueAt: due, closedAt: after, extensions: 0 },
        // Closed before its (moved) deadline, but after an extension: not 按期.
        { unitId: "a", dueAt: due, closedAt: before, extensions: 1 },
        { unitId: "b", dueAt: due, closedAt: null, extensions: 0 },
      ],
      overdue: [
        { unitId: "a", number: "D2026-0003" },
        { unitId: "d", number: "D2026-0009" },
      ],
    });
    expect(rows).toEqual([
      { unitId: "a", assigned: 4, onTime: 2, overdue: 1, extended: 1, onTimeRate: 0.5 },
      { unitId: "b", assigned: 1, onTime: 0, overdue: 0, extended: 0, onTimeRate: 0 },
      // 柳林镇 (c) had nothing; d is not among the units given but has an overdue part.
      { unitId: "d", assigned: 0, onTime: 0, overdue: 1, extended: 0, onTimeRate: null },
    ]);
    expect(taskStatisticsField(rows, name).value.split("\n")).toEqual([
      "青山镇：交办 4，按期办结 2，逾期 1，延期 1（按期办结率 50%）",
      "白水乡：交办 1，按期办结 0，逾期 0，延期 0（按期办结率 0%）",
      "d：交办 0，按期办结 0，逾期 1，延期 0（按期办结率 —）",
    ]);
    expect(taskStatisticsField([], name)).toEqual({ label: "督办", value: "无" });
  });

  it("names the overdue tasks by unit in the 通报, once each, cut after six", () => {
    const numbers = Array.from({ length: 8 }, (_, i) => `D2026-000${i + 1}`);
    const field = overdueNoticeField(
      ["c", "b", "a"],
      {
        assigned: [],
        overdue: [
          ...numbers.map((number) => ({ unitId: "a", number })),
          { unitId: "b", number: "D2026-0020" },
          { unitId: "b", number: "D2026-0020" },
        ],
      },
      name,
    );
    expect(field.value.split("\n")).toEqual([
      "白水乡：1 项（D2026-0020）",
      "青山镇：8 项（D2026-0001、D2026-0002、D2026-0003、D2026-0004、D2026-0005、D2026-0006等 8 项）",
    ]);
    expect(overdueNoticeField(["a"], { assigned: [], overdue: [] }, name)).toEqual({
      label: "督办逾期",
      value: "无",
    });
  });
});
