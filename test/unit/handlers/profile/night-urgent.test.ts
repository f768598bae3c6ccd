/** Night, as the 登记 question names it (22:00 to 7:00 local time), for the night 加急 wish. */
import { describe, expect, it } from "vitest";
import { isNight } from "../../../../src/handlers/profile/night-urgent.ts";

const TZ = "Asia/Shanghai";
const local = (time: string) => new Date(`2026-12-07T${time}:00+08:00`);

describe("isNight", () => {
  it("is night from 22:00 to just before 7:00, local time", () => {
    expect(isNight(local("21:59"), TZ)).toBe(false);
    expect(isNight(local("22:00"), TZ)).toBe(true);
    expect(isNight(local("03:00"), TZ)).toBe(true);
    expect(isNight(local("06:59"), TZ)).toBe(true);
    expect(isNight(local("07:00"), TZ)).toBe(false);
    expect(isNight(local("14:00"), TZ)).toBe(false);
  });

  it("reads the hour in the office's zone, not the machine's", () => {
    // 15:00 UTC is 23:00 in Shanghai, 10:00 in New York.
    const at = new Date("2026-12-07T15:00:00Z");
    expect(isNight(at, TZ)).toBe(true);
    expect(isNight(at, "America/New_York")).toBe(false);
  });
});
