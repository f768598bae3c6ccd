/** The 日报's 督办 fields: 无 when empty, one part a line, cut after 15 lines. */
import { describe, expect, it } from "vitest";
import { taskDigestFields } from "../../../../src/handlers/supervision/queries/task-digest-fields.ts";

const NOW = new Date("2026-12-07T09:30:00Z");
const view = {
  now: NOW,
  unitName: (id: string) => `单位${id}`,
  time: (d: Date) => d.toISOString().slice(11, 16),
};
const part = (n: number, dueAt: Date, closeRequestedAt: Date | null = null) => ({
  unitId: String(n),
  role: "assist",
  dueAt,
  closeRequestedAt,
  task: { number: `D2026-${String(n).padStart(4, "0")}`, content: "报送防汛物资储备情况并附整改清单和照片" },
});

describe("the 日报's 督办 fields", () => {
  it("says 无 in each of the three when nothing is due, overdue or waiting", () => {
    expect(taskDigestFields({ dueToday: [], overdue: [], closePending: [] }, view)).toEqual([
      { label: "督办：今日到期（0 项）", value: "无" },
      { label: "督办：逾期（0 项）", value: "无" },
      { label: "督办：待确认办结（0 项）", value: "无" },
    ]);
  });

  it("writes one line per part and cuts a long list", () => {
    const overdue = Array.from({ length: 17 }, (_, i) => part(i + 1, new Date("2026-12-07T08:00:00Z")));
    const [due, late, pending] = taskDigestFields(
      {
        dueToday: [part(30, new Date("2026-12-07T10:00:00Z"))],
        overdue,
        closePending: [part(31, new Date("2026-12-08T10:00:00Z"), new Date("2026-12-07T09:00:00Z"))],
      },
      view,
    );
    expect(due?.value).toBe("D2026-0030 单位30（配合）10:00 前「报送防汛物资储备情况并附整改清单…」");
    expect(late?.label).toBe("督办：逾期（17 项）");
    const lines = late?.value.split("\n") ?? [];
    expect(lines[0]).toBe(
      "D2026-0001 单位1 逾期 1 小时 30 分钟（期限 08:00）「报送防汛物资储备情况并附整改清单…」",
    );
    expect(lines).toHaveLength(16);
    expect(lines[15]).toBe("另有 2 项未列出");
    expect(pending?.value).toBe("D2026-0031 单位31 09:00 申请办结「报送防汛物资储备情况并附整改清单…」");
  });
});
