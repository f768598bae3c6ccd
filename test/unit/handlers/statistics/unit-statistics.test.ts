/**
 * Per-unit statistics against numbers worked out by hand from a small fixture (March 2026, two
 * townships and one department; the same kind of data goes through the database in
 * test/integration/digest/statistics-commands.test.ts):
 *
 * 青山镇 qingshan: incidents 2026-0001 on time, 2026-0002 late 30 min, 2026-0003 late 90 min
 *   → 3 reported, 1 on time, 2 late, on-time rate 1/3 = 33.3 %, mean delay (30+90)/2 = 60 min;
 *   one missed follow-up (2026-0002); 零报告 4 days: on_time, on_time, late, missed
 *   → 2/4 = 50 %; late total 2 + 1 = 3, missed total 1 + 1 = 2.
 * 白水乡 baishui: incident 2026-0004 on time → 100 %, no delay; 零报告 3 days all on time → 100 %.
 * 应急局 emergency: nothing at all → every rate unknown (—), counts 0.
 * 柳林镇 liulin: not in the unit list but has a missed 零报告 → listed after the others.
 * Total: 4 incidents, 2 on time → 50 %; mean delay 60 min; 零报告 8 days, 5 on time → 62.5 %.
 */
import { describe, expect, it } from "vitest";
import { formatRate } from "../../../../src/handlers/statistics/rates.ts";
import {
  type StatisticsFacts,
  totalStatistics,
  unitStatistics,
} from "../../../../src/handlers/statistics/unit-statistics.ts";

const MIN = 60_000;

/** What the database hands over for the fixture: counts per unit, one row per late or missed item. */
const facts: StatisticsFacts = {
  reported: [
    { unitId: "qingshan", count: 3 },
    { unitId: "baishui", count: 1 },
  ],
  lateIncidents: [
    { unitId: "qingshan", number: "2026-0002", lateByMs: 30 * MIN },
    { unitId: "qingshan", number: "2026-0003", lateByMs: 90 * MIN },
  ],
  missedFollowUps: [{ unitId: "qingshan", number: "2026-0002" }],
  dailyCounts: [
    { unitId: "qingshan", status: "on_time", count: 2 },
    { unitId: "qingshan", status: "late", count: 1 },
    { unitId: "qingshan", status: "missed", count: 1 },
    { unitId: "baishui", status: "on_time", count: 3 },
    { unitId: "liulin", status: "missed", count: 1 },
  ],
  dailyExceptions: [
    { unitId: "qingshan", day: "2026-03-04", status: "late" },
    { unitId: "qingshan", day: "2026-03-05", status: "missed" },
    { unitId: "liulin", day: "2026-03-05", status: "missed" },
  ],
};

describe("unitStatistics", () => {
  const stats = unitStatistics(["qingshan", "baishui", "emergency"], facts);
  const of = (unitId: string) => {
    const row = stats.find((s) => s.unitId === unitId);
    if (!row) throw new Error(`no row for ${unitId}`);
    return row;
  };

  it("lists the given units in order, then units that only have facts", () => {
    expect(stats.map((s) => s.unitId)).toEqual(["qingshan", "baishui", "emergency", "liulin"]);
  });

  it("counts first reports, on-time rate and mean delay of the late ones", () => {
    const q = of("qingshan");
    expect([q.incidents, q.onTime, q.late]).toEqual([3, 1, 2]);
    expect(q.onTimeRate).toBeCloseTo(1 / 3, 10);
    expect(formatRate(q.onTimeRate)).toBe("33.3%");
    expect(q.averageDelayMs).toBe(60 * MIN);
    expect(q.missedFollowUps).toBe(1);
  });

  it("counts 零报告 days by status and their on-time rate", () => {
    expect(of("qingshan").daily).toEqual({ owed: 4, onTime: 2, late: 1, missed: 1, onTimeRate: 0.5 });
    expect(of("baishui").daily).toEqual({ owed: 3, onTime: 3, late: 0, missed: 0, onTimeRate: 1 });
  });

  it("adds incident and daily figures into the late and missed totals", () => {
    expect([of("qingshan").lateTotal, of("qingshan").missedTotal]).toEqual([3, 2]);
    expect([of("baishui").lateTotal, of("baishui").missedTotal]).toEqual([0, 0]);
    expect([of("liulin").lateTotal, of("liulin").missedTotal]).toEqual([0, 1]);
  });

  it("leaves rates unknown where nothing was reported or owed", () => {
    const e = of("emergency");
    expect([e.incidents, e.onTimeRate, e.averageDelayMs, e.daily.owed, e.daily.onTimeRate]).toEqual([
      0,
      null,
      null,
      0,
      null,
    ]);
    expect(formatRate(e.onTimeRate)).toBe("—");
    expect(of("baishui").averageDelayMs).toBeNull();
    expect(formatRate(of("baishui").onTimeRate)).toBe("100%");
  });

  it("totals over every report, not as a mean of the units' rates", () => {
    const t = totalStatistics(facts);
    expect([t.incidents, t.onTime, t.late]).toEqual([4, 2, 2]);
    expect(t.onTimeRate).toBe(0.5);
    expect(t.averageDelayMs).toBe(60 * MIN);
    expect(t.daily).toEqual({ owed: 8, onTime: 5, late: 1, missed: 2, onTimeRate: 0.625 });
    expect(formatRate(t.daily.onTimeRate)).toBe("62.5%");
    expect([t.lateTotal, t.missedTotal]).toEqual([3, 3]);
  });
});
