/** 统计 periods: weeks from Monday, months and years up to today, future ones refused, in Asia/Shanghai. */
import { describe, expect, it } from "vitest";
import {
  monthBefore,
  type Period,
  parsePeriod,
  previousMonth,
} from "../../../../src/handlers/statistics/period.ts";

const TZ = "Asia/Shanghai";
/** Wednesday 2026-03-04 09:00 in Shanghai (01:00 UTC). */
const NOW = new Date("2026-03-04T01:00:00Z");

function period(text: string, now = NOW): Period {
  const result = parsePeriod(text, now, TZ);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.period;
}

describe("parsePeriod", () => {
  it("reads 本周 as Monday to today, with local-midnight boundaries", () => {
    const p = period("本周");
    expect([p.kind, p.fromDay, p.toDay, p.label]).toEqual([
      "week",
      "2026-03-02",
      "2026-03-04",
      "本周（03-02 至 03-04）",
    ]);
    expect(p.from.toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(p.to.toISOString()).toBe("2026-03-04T16:00:00.000Z");
  });

  it("reads 上周 as a whole week", () => {
    const p = period("上周");
    expect([p.fromDay, p.toDay]).toEqual(["2026-02-23", "2026-03-01"]);
  });

  it("reads 本月 (and nothing) as the 1st to today, 上月 as the whole previous month", () => {
    expect([period("本月").fromDay, period("本月").toDay]).toEqual(["2026-03-01", "2026-03-04"]);
    expect(period("").label).toBe("2026年3月");
    const last = period("上月");
    expect([last.fromDay, last.toDay, last.label]).toEqual(["2026-02-01", "2026-02-28", "2026年2月"]);
  });

  it("reads a month written several ways", () => {
    for (const text of ["2025-11", "2025年11月", "2025.11", "2025/11", " 2025-11 "]) {
      const p = period(text);
      expect([p.kind, p.fromDay, p.toDay]).toEqual(["month", "2025-11-01", "2025-11-30"]);
    }
    expect(period("2024-02").toDay).toBe("2024-02-29");
  });

  it("reads a year, the current one up to today", () => {
    expect([period("2025").fromDay, period("2025").toDay]).toEqual(["2025-01-01", "2025-12-31"]);
    expect([period("今年").fromDay, period("今年").toDay, period("今年").kind]).toEqual([
      "2026-01-01",
      "2026-03-04",
      "year",
    ]);
  });

  it("refuses future periods and text it does not understand", () => {
    expect(parsePeriod("2026-04", NOW, TZ)).toEqual({ ok: false, reason: "future" });
    expect(parsePeriod("2027", NOW, TZ)).toEqual({ ok: false, reason: "future" });
    expect(parsePeriod("2026-13", NOW, TZ)).toEqual({ ok: false, reason: "format" });
    expect(parsePeriod("昨天", NOW, TZ)).toEqual({ ok: false, reason: "format" });
  });

  it("takes the local day, not the UTC one, near midnight", () => {
    // 2026-03-31 23:30 UTC is already April 1st in Shanghai.
    const p = period("本月", new Date("2026-03-31T16:30:00Z"));
    expect([p.fromDay, p.toDay]).toEqual(["2026-04-01", "2026-04-01"]);
  });
});

describe("previousMonth", () => {
  it("wraps January back to December of the year before", () => {
    expect(previousMonth(new Date("2026-01-01T01:00:00Z"), TZ)).toEqual({ year: 2025, month: 12 });
    expect(previousMonth(NOW, TZ)).toEqual({ year: 2026, month: 2 });
  });
});

describe("monthBefore", () => {
  it("is the whole month before the one `at` falls in", () => {
    const result = monthBefore(NOW, NOW, TZ);
    expect(result.ok && [result.period.label, result.period.fromDay, result.period.toDay]).toEqual([
      "2026年2月",
      "2026-02-01",
      "2026-02-28",
    ]);
  });

  it("takes the month from `at` (a job's due time) and judges it against `now`", () => {
    const dueInJanuary = new Date("2026-01-01T01:00:00Z");
    const result = monthBefore(dueInJanuary, NOW, TZ);
    expect(result.ok && result.period.label).toBe("2025年12月");
  });

  it("refuses a month not begun yet as of `now`", () => {
    expect(monthBefore(new Date("2026-05-02T01:00:00Z"), NOW, TZ)).toEqual({ ok: false, reason: "future" });
  });
});
