import { describe, expect, it } from "vitest";
import { formatDurationZh } from "../../../../src/handlers/office/time-format.ts";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatDurationZh", () => {
  it.each([
    [0, "不到 1 分钟"],
    [1, "不到 1 分钟"],
    [59 * SECOND, "不到 1 分钟"],
    [MINUTE, "1 分钟"],
    [MINUTE + 59 * SECOND, "1 分钟"],
    [25 * MINUTE, "25 分钟"],
    [25 * MINUTE + 40 * SECOND, "25 分钟"],
    [59 * MINUTE + 59 * SECOND, "59 分钟"],
    [HOUR, "1 小时"],
    [HOUR + 30 * SECOND, "1 小时"],
    [HOUR + 5 * MINUTE, "1 小时 5 分钟"],
    [2 * HOUR + 30 * MINUTE, "2 小时 30 分钟"],
    [23 * HOUR + 59 * MINUTE, "23 小时 59 分钟"],
    [DAY, "1 天"],
    [DAY + 59 * MINUTE, "1 天"],
    [DAY + HOUR, "1 天 1 小时"],
    [2 * DAY + 3 * HOUR, "2 天 3 小时"],
    [2 * DAY + 3 * HOUR + 45 * MINUTE, "2 天 3 小时"],
    [30 * DAY, "30 天"],
    [400 * DAY + 23 * HOUR, "400 天 23 小时"],
  ])("%i ms → %s", (ms, label) => {
    expect(formatDurationZh(ms)).toBe(label);
  });

  it("never overstates: one millisecond short of a unit stays below it", () => {
    expect(formatDurationZh(HOUR - 1)).toBe("59 分钟");
    expect(formatDurationZh(DAY - 1)).toBe("23 小时 59 分钟");
    expect(formatDurationZh(2 * DAY - 1)).toBe("1 天 23 小时");
  });

  it("labels lateness between two instants", () => {
    const due = new Date("2026-03-02T15:00:00+08:00");
    const sent = new Date("2026-03-02T16:05:00+08:00");
    expect(`迟报 ${formatDurationZh(sent.getTime() - due.getTime())}`).toBe("迟报 1 小时 5 分钟");
  });

  it.each([-1, -HOUR, Number.NaN, Number.POSITIVE_INFINITY])("throws RangeError for %s", (ms) => {
    expect(() => formatDurationZh(ms)).toThrow(RangeError);
  });
});
