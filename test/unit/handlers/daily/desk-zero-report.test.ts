/** The desk's 零报告 grid: each unit's state from the day's standing, and the tiles with their legend. */
import { describe, expect, it } from "vitest";
import type { DailyReportRow } from "../../../../src/handlers/daily/daily-report-store.ts";
import { unitDayState } from "../../../../src/handlers/daily/desk/unit-day-state.ts";
import { zeroReportTiles } from "../../../../src/handlers/daily/desk/zero-report-tiles.ts";

const HOUR = 3_600_000;
const DAY_START = new Date("2026-12-07T16:00:00Z"); // 12-08 00:00 in Shanghai
const at = (hours: number) => new Date(DAY_START.getTime() + hours * HOUR);
const CUTOFF = at(17);

const row = (unitId: string, status: string, reportedAt: Date | null): DailyReportRow => ({
  unitId,
  status,
  kind: "zero",
  reporterId: "someone",
  reportedAt,
});

function standing(
  reports: DailyReportRow[],
  incidents: [string, Date][] = [],
): Parameters<typeof unitDayState>[1] {
  return {
    reports: new Map(reports.map((r) => [r.unitId, r])),
    incidents: new Map(incidents.map(([unit, reportedAt], i) => [unit, { id: i + 1, reportedAt }])),
  };
}

describe("a unit's state on the day", () => {
  it("reads a recorded report: on time, late (with the time it came)", () => {
    const s = standing([row("a", "on_time", at(9)), row("b", "late", at(18))]);
    expect(unitDayState("a", s, CUTOFF, at(10))).toEqual({
      unitId: "a",
      state: "on_time",
      reportedAt: at(9),
    });
    expect(unitDayState("b", s, CUTOFF, at(19))).toEqual({ unitId: "b", state: "late", reportedAt: at(18) });
  });

  it("counts an incident reported that day: on time before the cut-off, late after it", () => {
    const s = standing(
      [],
      [
        ["a", at(8)],
        ["b", at(17.5)],
      ],
    );
    expect(unitDayState("a", s, CUTOFF, at(10)).state).toBe("on_time");
    expect(unitDayState("b", s, CUTOFF, at(18))).toEqual({
      unitId: "b",
      state: "late",
      reportedAt: at(17.5),
    });
  });

  it("is awaited before the cut-off and missed from it on, recorded or not", () => {
    expect(unitDayState("a", standing([]), CUTOFF, at(16.9)).state).toBe("pending");
    expect(unitDayState("a", standing([]), CUTOFF, at(17)).state).toBe("missed");
    expect(unitDayState("a", standing([row("a", "missed", null)]), CUTOFF, at(18)).state).toBe("missed");
  });

  it("a recorded 漏报 later answered by an incident reads late", () => {
    const s = standing([row("a", "missed", null)], [["a", at(18)]]);
    expect(unitDayState("a", s, CUTOFF, at(19)).state).toBe("late");
  });
});

describe("the tiles", () => {
  it("one per unit in order, coloured by state, named with the time reported, and a legend counting each", () => {
    const tiles = zeroReportTiles(
      [
        { unitId: "qingshan", state: "on_time", reportedAt: at(9.25) },
        { unitId: "baishui", state: "missed" },
        { unitId: "liulin", state: "pending" },
        { unitId: "emergency", state: "on_time", reportedAt: at(10) },
      ],
      {
        unitName: (id) => ({ qingshan: "青山镇", baishui: "白水乡", liulin: "柳林镇" })[id] ?? id,
        time: (d) => `${(d.getTime() - DAY_START.getTime()) / HOUR}h`,
      },
    );
    expect(tiles.tiles).toEqual([
      { label: "已报", text: "青山镇 9.25h", tone: "green" },
      { label: "漏报", text: "白水乡", tone: "red" },
      { label: "未到截止", text: "柳林镇", tone: "grey" },
      { label: "已报", text: "emergency 10h", tone: "green" },
    ]);
    expect(tiles.legend).toEqual([
      { text: "已报", tone: "green", count: 2 },
      { text: "迟报", tone: "yellow", count: 0 },
      { text: "漏报", tone: "red", count: 1 },
      { text: "未到截止", tone: "grey", count: 1 },
    ]);
  });
});
