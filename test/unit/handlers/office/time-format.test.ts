import { describe, expect, it } from "vitest";
import {
  clockOrFullTime,
  formatClock,
  formatDayZh,
  formatLocalTime,
  shortDay,
  shortLocalTime,
} from "../../../../src/handlers/office/time-format.ts";

const TZ = "Asia/Shanghai";
// 2026-03-02 14:20 in Shanghai; 00:30 the next day there is still 03-02 in UTC.
const at = new Date("2026-03-02T06:20:00Z");
const sameDayLater = new Date("2026-03-02T15:59:00Z");
const nextDay = new Date("2026-03-02T16:30:00Z");

describe("time formats", () => {
  it("writes an instant in full and as a clock in the policy's zone", () => {
    expect(formatLocalTime(at, TZ)).toBe("2026-03-02 14:20");
    expect(formatClock(at, TZ)).toBe("14:20");
    expect(formatLocalTime(nextDay, TZ)).toBe("2026-03-03 00:30");
  });

  it.each([
    ["the same local day", sameDayLater, "14:20", "14:20"],
    ["the next local day (same UTC day)", nextDay, "03-02 14:20", "2026-03-02 14:20"],
  ])("on %s: lists show the month and day, receipts the full date", (_, now, list, receipt) => {
    expect(shortLocalTime(at, now, TZ)).toBe(list);
    expect(clockOrFullTime(at, now, TZ)).toBe(receipt);
  });

  it("names local days", () => {
    expect(formatDayZh("2026-12-01")).toBe("12月1日（星期二）");
    expect(formatDayZh("2026-03-01")).toBe("3月1日（星期日）");
    expect(shortDay("2026-03-02")).toBe("03-02");
  });
});
