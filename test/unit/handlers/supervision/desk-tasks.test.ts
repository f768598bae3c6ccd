/** The desk's 督办 pieces: a panel row (light, link, units, countdown), the page's actions by viewer, the chart. */
import { describe, expect, it } from "vitest";
import type { Person } from "../../../../src/config/org.ts";
import { percent, taskOnTimeChart } from "../../../../src/handlers/supervision/desk/task-on-time-chart.ts";
import { taskActions } from "../../../../src/handlers/supervision/desk/task-page-actions.ts";
import { taskRow } from "../../../../src/handlers/supervision/desk/task-rows.ts";
import type { SupervisionPart, TaskWithParts } from "../../../../src/handlers/supervision/task-types.ts";

const HOUR = 3_600_000;
const NOW = new Date("2026-12-07T01:00:00Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const NAMES: Record<string, string> = { qingshan: "青山镇", baishui: "白水乡" };
const unitName = (id: string) => NAMES[id] ?? id;

function part(id: number, unitId: string, fields: Partial<SupervisionPart> = {}): SupervisionPart {
  return {
    id,
    taskId: 1,
    unitId,
    role: id === 1 ? "lead" : "assist",
    dueAt: at(30),
    notifiedAt: at(-20),
    signedAt: at(-19),
    signedBy: "zhangsan",
    lastProgressAt: null,
    lastProgress: null,
    extensionDueAt: null,
    extensionReason: null,
    extensionBy: null,
    extensionAt: null,
    extensions: 0,
    closeResult: null,
    closeBy: null,
    closeRequestedAt: null,
    closedAt: null,
    closedBy: null,
    overdueAt: null,
    overdueNotices: 0,
    ...fields,
  };
}

function task(parts: SupervisionPart[]): TaskWithParts {
  return {
    id: 7,
    number: "D2026-0007",
    sourceKey: "k",
    content: "报送防汛物资储备情况并附照片和清单说明材料以及各村的分项统计表",
    assignerId: "li-shuji",
    chatId: "leaders",
    incidentId: null,
    instructionId: null,
    createdAt: at(-20),
    dueAt: at(30),
    status: "open",
    closedAt: null,
    parts,
  };
}

const person = (id: string, unit: string, roles: Person["roles"]): Person => ({ id, name: id, unit, roles });

describe("a panel row", () => {
  const view = { now: NOW, remindBeforeMs: 2 * HOUR, unitName, time: (d: Date) => d.toISOString() };

  it("leads with the worst light, links the number to the task's page and counts down to the nearest open deadline", () => {
    const row = taskRow(task([part(1, "qingshan"), part(2, "baishui", { dueAt: at(-1) })]), view);
    expect(row.tone).toBe("red");
    expect(row.item).toEqual({ kind: "task", id: "7" });
    expect(row.cells[0]).toEqual({ text: "红灯", tone: "red" });
    expect(row.cells[1]).toEqual({ text: "D2026-0007", item: { kind: "task", id: "7" } });
    expect(row.cells[2]?.text).toBe("报送防汛物资储备情况并附照片和清单说明材料以及各…");
    expect(row.cells[3]?.text).toContain("青山镇（牵头）办理中");
    expect(row.cells[3]?.text).toContain("白水乡（配合）逾期");
    expect(row.cells[4]).toMatchObject({ countdownTo: at(-1).toISOString(), tone: "red" });
  });

  it("is yellow near the deadline, with no overdue mark", () => {
    const row = taskRow(task([part(1, "qingshan", { dueAt: at(1) })]), view);
    expect(row.tone).toBe("yellow");
    expect(row.cells[4]?.tone).toBeUndefined();
  });
});

describe("the page's actions", () => {
  const rules = { close_roles: ["duty" as const] };
  const waiting = task([
    part(1, "qingshan", { extensionDueAt: at(50), extensionReason: "清点未完" }),
    part(2, "baishui", { closeRequestedAt: at(-1), closeResult: "已报送", signedAt: null }),
  ]);

  it("gives the assigner 同意延期 / 不同意 and 确认办结 / 退回 for the parts waiting, in their chat", () => {
    const actions = taskActions(
      waiting,
      person("li-shuji", "county-office", ["leader"]),
      rules,
      "leaders",
      unitName,
    );
    expect(actions).toEqual([
      { id: "grant-1", label: "同意延期（青山镇）", chatId: "leaders", press: "task:grant:1" },
      { id: "refuse-1", label: "不同意（青山镇）", chatId: "leaders", press: "task:refuse:1" },
      { id: "confirm-2", label: "确认办结（白水乡）", chatId: "leaders", press: "task:confirm:2" },
      {
        id: "return-2",
        label: "退回（白水乡）",
        chatId: "leaders",
        say: "退回 D2026-0007 白水乡 {text}",
        ask: { label: "退回理由", placeholder: "数据不全，请补充" },
      },
    ]);
  });

  it("gives a leader who neither assigned it nor holds close_roles nothing", () => {
    expect(
      taskActions(waiting, person("wang", "county-office", ["leader"]), rules, "leaders", unitName),
    ).toEqual([]);
  });

  it("gives a unit's people 签收 until signed and 反馈, for their own part only", () => {
    const lisi = taskActions(waiting, person("lisi", "baishui", ["reporter"]), rules, "dm:lisi", unitName);
    expect(lisi.map((a) => [a.id, a.press ?? a.say])).toEqual([
      ["sign-2", "task:sign:2"],
      ["progress-2", "反馈 D2026-0007 {text}"],
    ]);
    const zhangsan = taskActions(
      waiting,
      person("zhangsan", "qingshan", ["reporter"]),
      rules,
      "dm:zhangsan",
      unitName,
    );
    expect(zhangsan.map((a) => a.id)).toEqual(["progress-1"]);
  });
});

describe("the on-time chart", () => {
  it("shows each unit's rate as a whole percentage, a unit with nothing due as no bar", () => {
    expect(percent(2 / 3)).toBe(67);
    expect(percent(null)).toBeNull();
    const chart = taskOnTimeChart(
      12,
      [
        { unitId: "qingshan", assigned: 2, onTime: 1, overdue: 0, extended: 0, onTimeRate: 0.5 },
        { unitId: "baishui", assigned: 1, onTime: 1, overdue: 0, extended: 0, onTimeRate: 1 },
      ],
      unitName,
    );
    expect(chart).toEqual({
      kind: "bar",
      title: "督办按期办结率（12月，按单位）",
      categories: ["青山镇", "白水乡"],
      series: [{ name: "按期办结率", values: [50, 100] }],
      unit: "%",
    });
  });
});
