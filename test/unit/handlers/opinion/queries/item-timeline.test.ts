/** An item's timeline as people read it: every kind of step in Chinese, details quoted, names instead of ids. */
import { describe, expect, it } from "vitest";
import { OPINION_EVENT_KINDS } from "../../../../../src/handlers/opinion/opinion-types.ts";
import {
  describeItemStep,
  itemTimelineLines,
} from "../../../../../src/handlers/opinion/queries/item-timeline.ts";
import { dec } from "./opinion-item.ts";

const NAMES: Record<string, string> = { zhangsan: "张三", "sun-zhiban": "孙值班", "li-shuji": "李书记" };
const view = {
  personName: (id: string) => NAMES[id] ?? id,
  unitOf: (id: string) => (id === "zhangsan" ? "青山镇" : undefined),
  levelName: (id: string) => (id === "general" ? "一般" : undefined),
  time: (at: Date) => at.toISOString().slice(11, 16),
};
const row = (kind: string, detail: unknown = {}, actorId: string | null = "zhangsan") => ({
  at: dec(7, 10),
  kind,
  actorId,
  detail,
});

describe("the timeline's wording", () => {
  it("has a Chinese wording for every kind of step, never the kind's own name", () => {
    for (const kind of OPINION_EVENT_KINDS) {
      const said = describeItemStep(row(kind), view);
      expect(said, kind).not.toContain(kind);
      expect(said, kind).toMatch(/\p{Script=Han}/u);
    }
  });

  it("quotes what was written and reads the stage, the round, the level and the incident number", () => {
    expect(describeItemStep(row("registered", { levelId: "general" }), view)).toBe("登记（一般）");
    expect(describeItemStep(row("verified", { text: "经核实，李家村垃圾已清运" }), view)).toBe(
      "核实：经核实，李家村垃圾已清运",
    );
    expect(describeItemStep(row("drafted", { text: "a".repeat(45) }), view)).toBe(
      `报送口径：${"a".repeat(40)}…`,
    );
    expect(describeItemStep(row("revision_asked", { text: "补充清运时间" }), view)).toBe(
      "修改意见：补充清运时间",
    );
    expect(describeItemStep(row("instructed", { text: "尽快处理" }), view)).toBe("批示：尽快处理");
    expect(describeItemStep(row("responded", { text: "https://weibo.com/x" }), view)).toBe(
      "已回应：https://weibo.com/x",
    );
    expect(describeItemStep(row("reminded", { stage: "verify" }), view)).toBe("核实时限将到，已提醒责任单位");
    expect(describeItemStep(row("escalated", { stage: "respond", round: 2 }), view)).toBe(
      "回应超时，第 2 次逐级提醒",
    );
    expect(describeItemStep(row("incident_filed", { number: "2026-0042" }), view)).toBe(
      "已报突发事件 2026-0042",
    );
  });

  it("reads a step written without its detail, or with a detail of the wrong shape", () => {
    expect(describeItemStep(row("verified", null), view)).toBe("核实");
    expect(describeItemStep(row("escalated", ["x"]), view)).toBe("超时，逐级提醒");
    expect(describeItemStep(row("registered", { levelId: "gone" }), view)).toBe("登记");
  });

  it("writes one line per step with the time, the unit's person with the unit, others by name", () => {
    expect(
      itemTimelineLines(
        [
          row("registered", { levelId: "general" }, "sun-zhiban"),
          row("signed"),
          row("reminded", { stage: "verify" }, null),
          row("approved", {}, "li-shuji"),
        ],
        view,
      ),
    ).toEqual([
      "02:00 孙值班 登记（一般）",
      "02:00 青山镇 张三 签收",
      "02:00 核实时限将到，已提醒责任单位",
      "02:00 李书记 同意发布",
    ]);
  });
});
