/** A task's timeline in Chinese: each kind of step, its unit and actor, details read defensively. */
import { describe, expect, it } from "vitest";
import {
  describeTaskStep,
  type TaskTimelineRow,
  taskTimelineLines,
} from "../../../../src/handlers/supervision/queries/task-timeline.ts";
import { SUPERVISION_EVENT_KINDS } from "../../../../src/handlers/supervision/task-types.ts";

const AT = new Date("2026-12-07T01:00:00Z");
const view = {
  unitName: (id: string) => ({ qingshan: "青山镇", baishui: "白水乡" })[id] ?? id,
  personName: (id: string) => ({ "li-shuji": "李书记", zhangsan: "张三" })[id] ?? id,
  time: (d: Date) => d.toISOString().slice(5, 16).replace("T", " "),
};
const row = (kind: string, detail: unknown = {}, more: Partial<TaskTimelineRow> = {}): TaskTimelineRow => ({
  at: AT,
  kind,
  unitId: null,
  actorId: null,
  detail,
  ...more,
});

describe("the task timeline", () => {
  it("reads every kind of step in Chinese", () => {
    for (const kind of SUPERVISION_EVENT_KINDS) expect(describeTaskStep(row(kind), view)).not.toBe(kind);
  });

  it("quotes details: units and deadline, reasons, results, the round, the new deadline", () => {
    const due = "2026-12-09T10:00:00.000Z";
    expect(
      describeTaskStep(
        row("assigned", {
          dueAt: due,
          units: [
            { unitId: "qingshan", role: "lead" },
            { unitId: "baishui", role: "assist" },
          ],
        }),
        view,
      ),
    ).toBe("交办：青山镇牵头、白水乡配合，期限 12-09 10:00");
    expect(describeTaskStep(row("extension_requested", { dueAt: due, reason: "需等待检测结果" }), view)).toBe(
      "申请延期至 12-09 10:00：需等待检测结果",
    );
    expect(describeTaskStep(row("extension_granted", { from: AT.toISOString(), to: due }), view)).toBe(
      "同意延期至 12-09 10:00",
    );
    expect(describeTaskStep(row("extension_refused", { dueAt: due, reason: "需等待检测结果" }), view)).toBe(
      "不同意延期至 12-09 10:00",
    );
    expect(describeTaskStep(row("returned", { reason: "材料不全" }), view)).toBe("退回：材料不全");
    expect(describeTaskStep(row("close_requested", { result: "已完成整改" }), view)).toBe(
      "申请办结：已完成整改",
    );
    expect(describeTaskStep(row("overdue", { round: 3 }), view)).toBe("逾期，发出第 3 次督办通知");
    expect(describeTaskStep(row("progress", { text: "已完成一半" }), view)).toBe("反馈：已完成一半");
  });

  it("still reads a step whose detail is missing or malformed", () => {
    expect(describeTaskStep(row("assigned", null), view)).toBe("交办");
    expect(describeTaskStep(row("extension_requested", { dueAt: "not a time" }), view)).toBe("申请延期");
    expect(describeTaskStep(row("overdue", []), view)).toBe("逾期，发出督办通知");
  });

  it("writes the time, the unit and the actor before the step", () => {
    expect(
      taskTimelineLines(
        [
          row("signed", {}, { unitId: "qingshan", actorId: "zhangsan" }),
          row("closed", {}, { actorId: "li-shuji" }),
          row("urged", {}, { unitId: "baishui" }),
        ],
        view,
      ),
    ).toEqual([
      "12-07 01:00 青山镇 张三 签收",
      "12-07 01:00 李书记 全部办结",
      "12-07 01:00 白水乡 临近期限，已催办",
    ]);
  });
});
