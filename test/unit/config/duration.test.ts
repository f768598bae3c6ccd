import { describe, expect, it } from "vitest";
import { durationSchema, parseDuration } from "../../../src/config/duration.ts";

describe("parseDuration", () => {
  it.each([
    ["90s", 90_000],
    ["35m", 35 * 60_000],
    ["2h", 2 * 3_600_000],
    ["1d", 86_400_000],
    ["1h30m", 90 * 60_000],
    ["1d2h3m4s", 86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4_000],
    [" 10m ", 600_000],
    ["0h5m", 300_000],
  ])("reads %j as %i ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "m", "10", "10 m", "1.5h", "-5m", "2H", "10min", "十分钟", "0m", "0s0m"])(
    "refuses %j",
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );
});

describe("durationSchema", () => {
  it("turns config text into milliseconds", () => {
    expect(durationSchema.parse("1h30m")).toBe(5_400_000);
  });

  it("says in Chinese how a duration is written", () => {
    const result = durationSchema.safeParse("半小时");
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message ?? "";
    expect(message).toContain("半小时");
    expect(message).toContain("时长格式不对");
    expect(message).toContain("1h30m");
  });
});
