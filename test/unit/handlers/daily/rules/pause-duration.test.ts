import { describe, expect, it } from "vitest";
import { parsePauseDuration } from "../../../../../src/handlers/daily/rules/pause-duration.ts";

const H = 3_600_000;
const D = 24 * H;

describe("parsePauseDuration", () => {
  it("reads days, hours and weeks in the ways people write them", () => {
    expect(parsePauseDuration("3天")).toBe(3 * D);
    expect(parsePauseDuration("三天")).toBe(3 * D);
    expect(parsePauseDuration("两天")).toBe(2 * D);
    expect(parsePauseDuration("12小时")).toBe(12 * H);
    expect(parsePauseDuration("2个小时")).toBe(2 * H);
    expect(parsePauseDuration("1周")).toBe(7 * D);
    expect(parsePauseDuration(" 5 d ")).toBe(5 * D);
    expect(parsePauseDuration("30天")).toBe(30 * D);
    expect(parsePauseDuration("十二小时")).toBe(12 * H);
  });

  it("refuses what is not a duration, zero, and more than 30 days", () => {
    for (const text of ["", "三", "天", "0天", "31天", "5周", "明天", "3天半", "-1天"])
      expect(parsePauseDuration(text), text).toBeNull();
  });
});
