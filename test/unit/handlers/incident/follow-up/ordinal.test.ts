import { describe, expect, it } from "vitest";
import { chineseNumeral, followUpTitle } from "../../../../../src/handlers/incident/follow-up/ordinal.ts";

describe("follow-up titles", () => {
  it.each([
    [1, "续报一"],
    [2, "续报二"],
    [9, "续报九"],
    [10, "续报十"],
    [11, "续报十一"],
    [19, "续报十九"],
    [20, "续报二十"],
    [21, "续报二十一"],
    [99, "续报九十九"],
  ])("titles follow-up %i as %s", (n, title) => {
    expect(followUpTitle(n)).toBe(title);
  });

  it.each([
    [100, "一百"],
    [101, "一百零一"],
    [110, "一百一十"],
    [115, "一百一十五"],
    [1000, "一千"],
    [1001, "一千零一"],
    [1010, "一千零一十"],
    [2305, "二千三百零五"],
    [9999, "九千九百九十九"],
  ])("writes %i as %s", (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it("falls back to digits outside 1–9999 and for fractions", () => {
    expect(chineseNumeral(0)).toBe("0");
    expect(chineseNumeral(-3)).toBe("-3");
    expect(chineseNumeral(10000)).toBe("10000");
    expect(chineseNumeral(1.5)).toBe("1.5");
  });
});
