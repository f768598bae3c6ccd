import { describe, expect, it } from "vitest";
import {
  addCivilDays,
  compareCivilDates,
  instantToLocal,
  isRealDate,
  localToInstant,
  zoneOffsetMinutes,
} from "../../../../src/bot/core/wall-clock.ts";

const SHANGHAI = "Asia/Shanghai";
const at = (iso: string) => new Date(iso);

describe("zoneOffsetMinutes", () => {
  it.each([
    ["2026-01-15T00:00:00Z", SHANGHAI, 480],
    ["2026-07-15T12:34:56.789Z", SHANGHAI, 480],
    // China kept summer time from 1986 to 1991: the zone database knows, a fixed +08:00 would not.
    ["1988-07-01T00:00:00Z", SHANGHAI, 540],
    ["1988-12-01T00:00:00Z", SHANGHAI, 480],
    ["2026-01-15T12:00:00Z", "America/New_York", -300],
    ["2026-07-15T12:00:00Z", "America/New_York", -240],
    ["2026-07-15T12:00:00Z", "UTC", 0],
    ["2026-07-15T12:00:00Z", "Asia/Kathmandu", 345],
    ["2026-07-15T12:00:00Z", "Asia/Urumqi", 360],
  ])("%s in %s is %i minutes", (iso, zone, minutes) => {
    expect(zoneOffsetMinutes(at(iso), zone)).toBe(minutes);
  });

  it("throws for a zone that does not exist", () => {
    expect(() => zoneOffsetMinutes(at("2026-01-01T00:00:00Z"), "Asia/Nowhere")).toThrow(RangeError);
  });
});

describe("instantToLocal", () => {
  it.each([
    ["2026-03-02T06:20:00Z", SHANGHAI, { year: 2026, month: 3, day: 2, hour: 14, minute: 20, second: 0 }],
    ["2026-03-01T16:00:00Z", SHANGHAI, { year: 2026, month: 3, day: 2, hour: 0, minute: 0, second: 0 }],
    ["2025-12-31T16:30:15Z", SHANGHAI, { year: 2026, month: 1, day: 1, hour: 0, minute: 30, second: 15 }],
    ["2026-03-02T06:20:00Z", "UTC", { year: 2026, month: 3, day: 2, hour: 6, minute: 20, second: 0 }],
    [
      "2026-03-02T03:00:00Z",
      "America/New_York",
      { year: 2026, month: 3, day: 1, hour: 22, minute: 0, second: 0 },
    ],
  ])("%s in %s", (iso, zone, wall) => {
    expect(instantToLocal(at(iso), zone)).toEqual(wall);
  });
});

describe("localToInstant", () => {
  it.each([
    [{ year: 2026, month: 3, day: 2, hour: 14, minute: 20 }, SHANGHAI, "2026-03-02T06:20:00.000Z"],
    [{ year: 2026, month: 3, day: 2, hour: 0, minute: 0 }, SHANGHAI, "2026-03-01T16:00:00.000Z"],
    [{ year: 2026, month: 1, day: 1, hour: 6, minute: 30, second: 15 }, SHANGHAI, "2025-12-31T22:30:15.000Z"],
    [{ year: 1988, month: 7, day: 1, hour: 9, minute: 0 }, SHANGHAI, "1988-07-01T00:00:00.000Z"],
    [{ year: 2026, month: 1, day: 10, hour: 9, minute: 0 }, "America/New_York", "2026-01-10T14:00:00.000Z"],
    [{ year: 2026, month: 7, day: 10, hour: 9, minute: 0 }, "America/New_York", "2026-07-10T13:00:00.000Z"],
    [{ year: 2026, month: 7, day: 10, hour: 9, minute: 0 }, "UTC", "2026-07-10T09:00:00.000Z"],
    // Out-of-range fields roll over like Date.UTC: 3月32日 is 4月1日, 24:00 is the next day.
    [{ year: 2026, month: 3, day: 32, hour: 8, minute: 0 }, SHANGHAI, "2026-04-01T00:00:00.000Z"],
    [{ year: 2026, month: 3, day: 2, hour: 24, minute: 0 }, SHANGHAI, "2026-03-02T16:00:00.000Z"],
  ])("%o in %s", (fields, zone, iso) => {
    expect(localToInstant(fields, zone).toISOString()).toBe(iso);
  });

  it("round-trips with instantToLocal every hour of a year in Shanghai", () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      const wall = instantToLocal(new Date(t), SHANGHAI);
      expect(localToInstant(wall, SHANGHAI).getTime()).toBe(t);
    }
  });

  it("takes the first of two readings when clocks are turned back (New York, 1 November 2026)", () => {
    const zone = "America/New_York";
    expect(localToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, zone).toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });

  it("takes the first of two readings east of Greenwich too (Berlin, 25 October 2026)", () => {
    const zone = "Europe/Berlin";
    expect(localToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, zone).toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("moves a skipped reading past the jump when clocks are turned forward (New York, 8 March 2026)", () => {
    const zone = "America/New_York";
    const instant = localToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, zone);
    expect(instant.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(instantToLocal(instant, zone)).toMatchObject({ hour: 3, minute: 30 });
  });
});

describe("addCivilDays", () => {
  it.each([
    [{ year: 2026, month: 3, day: 2 }, -1, { year: 2026, month: 3, day: 1 }],
    [{ year: 2026, month: 3, day: 1 }, -1, { year: 2026, month: 2, day: 28 }],
    [{ year: 2028, month: 3, day: 1 }, -1, { year: 2028, month: 2, day: 29 }],
    [{ year: 2026, month: 1, day: 1 }, -1, { year: 2025, month: 12, day: 31 }],
    [{ year: 2025, month: 12, day: 31 }, 1, { year: 2026, month: 1, day: 1 }],
    [{ year: 2026, month: 3, day: 2 }, -3, { year: 2026, month: 2, day: 27 }],
    [{ year: 2026, month: 3, day: 2 }, 0, { year: 2026, month: 3, day: 2 }],
    [{ year: 2026, month: 3, day: 2 }, 365, { year: 2027, month: 3, day: 2 }],
  ])("%o %+i days", (date, days, expected) => {
    expect(addCivilDays(date, days)).toEqual(expected);
  });
});

describe("isRealDate", () => {
  it.each([
    [2026, 3, 2, true],
    [2026, 2, 28, true],
    [2026, 2, 29, false],
    [2028, 2, 29, true],
    [2100, 2, 29, false],
    [2000, 2, 29, true],
    [2026, 2, 30, false],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 13, 1, false],
    [2026, 0, 1, false],
    [2026, 1, 0, false],
    [2026, 1.5, 1, false],
    [Number.NaN, 1, 1, false],
  ])("%i-%i-%i is %s", (y, m, d, real) => {
    expect(isRealDate(y, m, d)).toBe(real);
  });
});

describe("compareCivilDates", () => {
  it("orders by year, then month, then day", () => {
    expect(compareCivilDates({ year: 2026, month: 3, day: 2 }, { year: 2026, month: 3, day: 2 })).toBe(0);
    expect(
      compareCivilDates({ year: 2026, month: 3, day: 1 }, { year: 2026, month: 3, day: 2 }),
    ).toBeLessThan(0);
    expect(
      compareCivilDates({ year: 2026, month: 4, day: 1 }, { year: 2026, month: 3, day: 31 }),
    ).toBeGreaterThan(0);
    expect(
      compareCivilDates({ year: 2025, month: 12, day: 31 }, { year: 2026, month: 1, day: 1 }),
    ).toBeLessThan(0);
  });
});
