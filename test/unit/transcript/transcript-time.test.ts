import { describe, expect, it } from "vitest";
import { localToInstant, zoneOffsetMinutes } from "../../../src/bot/core/wall-clock.ts";
import { nextWallClock, parseDateTime } from "../../../src/transcript/transcript-time.ts";

const SHANGHAI = "Asia/Shanghai";
const at = (iso: string) => new Date(iso);

describe("zoneOffsetMinutes", () => {
  it("is +8 h in Shanghai all year", () => {
    expect(zoneOffsetMinutes(at("2026-01-15T00:00:00Z"), SHANGHAI)).toBe(480);
    expect(zoneOffsetMinutes(at("2026-07-15T12:34:56.789Z"), SHANGHAI)).toBe(480);
  });

  it("follows daylight saving time where there is one", () => {
    expect(zoneOffsetMinutes(at("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(zoneOffsetMinutes(at("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-240);
    expect(zoneOffsetMinutes(at("2026-07-15T12:00:00Z"), "UTC")).toBe(0);
  });
});

describe("localToInstant", () => {
  it("turns a Shanghai wall-clock time into UTC", () => {
    expect(localToInstant({ year: 2026, month: 3, day: 2, hour: 9, minute: 0 }, SHANGHAI)).toEqual(
      at("2026-03-02T01:00:00Z"),
    );
    // Shanghai's early morning is the previous day in UTC.
    expect(
      localToInstant({ year: 2026, month: 1, day: 1, hour: 6, minute: 30, second: 15 }, SHANGHAI),
    ).toEqual(at("2025-12-31T22:30:15Z"));
  });

  it("uses the offset in force at that date in a zone with daylight saving time", () => {
    const zone = "America/New_York";
    expect(localToInstant({ year: 2026, month: 1, day: 10, hour: 9, minute: 0 }, zone)).toEqual(
      at("2026-01-10T14:00:00Z"),
    );
    expect(localToInstant({ year: 2026, month: 7, day: 10, hour: 9, minute: 0 }, zone)).toEqual(
      at("2026-07-10T13:00:00Z"),
    );
  });
});

describe("parseDateTime", () => {
  it("reads a time without offset in the policy's zone", () => {
    expect(parseDateTime("2026-03-02 09:00", SHANGHAI)).toEqual(at("2026-03-02T01:00:00Z"));
    expect(parseDateTime("2026-03-02 9:05", SHANGHAI)).toEqual(at("2026-03-02T01:05:00Z"));
    expect(parseDateTime("2026-03-02T14:20:30", SHANGHAI)).toEqual(at("2026-03-02T06:20:30Z"));
    expect(parseDateTime("  2026-03-02 00:10  ", SHANGHAI)).toEqual(at("2026-03-01T16:10:00Z"));
  });

  it("reads ISO 8601 with an offset as written, whatever the zone", () => {
    expect(parseDateTime("2026-03-02T09:00+08:00", "UTC")).toEqual(at("2026-03-02T01:00:00Z"));
    expect(parseDateTime("2026-03-02T09:00:00Z", SHANGHAI)).toEqual(at("2026-03-02T09:00:00Z"));
    expect(parseDateTime("2026-03-02T09:00:00.250-05:00", SHANGHAI)).toEqual(at("2026-03-02T14:00:00.250Z"));
  });

  it.each(["明天 9 点", "2026-3-2 09:00", "2026-03-02", "09:00", "2026/03/02 09:00", ""])(
    "refuses %j",
    (text) => {
      expect(parseDateTime(text, SHANGHAI)).toBeNull();
    },
  );
});

describe("nextWallClock (@wait until)", () => {
  it("goes to later the same day", () => {
    const from = parseDateTime("2026-03-02 09:00", SHANGHAI) as Date;
    expect(nextWallClock("17:00", from, SHANGHAI)).toEqual(parseDateTime("2026-03-02 17:00", SHANGHAI));
  });

  it("crosses midnight to the next day when the time has passed today", () => {
    const from = parseDateTime("2026-03-02 18:00", SHANGHAI) as Date;
    expect(nextWallClock("17:00", from, SHANGHAI)).toEqual(at("2026-03-03T09:00:00Z"));
  });

  it("crosses local midnight even when UTC stays on the same date", () => {
    // 23:30 and 00:30 in Shanghai are 15:30 and 16:30 UTC of one UTC day.
    const from = parseDateTime("2026-03-02 23:30", SHANGHAI) as Date;
    expect(nextWallClock("00:30", from, SHANGHAI)).toEqual(at("2026-03-02T16:30:00Z"));
  });

  it("crosses midnight when local and UTC dates differ at the start", () => {
    // 07:00 in Shanghai is still the previous day in UTC.
    const from = parseDateTime("2026-03-03 07:00", SHANGHAI) as Date;
    expect(nextWallClock("06:00", from, SHANGHAI)).toEqual(parseDateTime("2026-03-04 06:00", SHANGHAI));
    expect(nextWallClock("7:30", from, SHANGHAI)).toEqual(parseDateTime("2026-03-03 07:30", SHANGHAI));
  });

  it("crosses the end of a month and of a year", () => {
    const feb = parseDateTime("2026-02-28 20:00", SHANGHAI) as Date;
    expect(nextWallClock("08:00", feb, SHANGHAI)).toEqual(parseDateTime("2026-03-01 08:00", SHANGHAI));
    const newYear = parseDateTime("2026-12-31 23:00", SHANGHAI) as Date;
    expect(nextWallClock("01:00", newYear, SHANGHAI)).toEqual(at("2026-12-31T17:00:00Z"));
  });

  it("goes to tomorrow when it is exactly that time now", () => {
    const from = parseDateTime("2026-03-02 17:00", SHANGHAI) as Date;
    expect(nextWallClock("17:00", from, SHANGHAI)).toEqual(parseDateTime("2026-03-03 17:00", SHANGHAI));
  });

  it("accepts a full date-time", () => {
    const from = parseDateTime("2026-03-02 09:00", SHANGHAI) as Date;
    expect(nextWallClock("2026-03-05 08:00", from, SHANGHAI)).toEqual(at("2026-03-05T00:00:00Z"));
  });

  it("refuses what is not a time", () => {
    const from = at("2026-03-02T01:00:00Z");
    expect(nextWallClock("5pm", from, SHANGHAI)).toBeNull();
    expect(nextWallClock("17", from, SHANGHAI)).toBeNull();
  });
});
