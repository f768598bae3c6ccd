import { describe, expect, it } from "vitest";
import { parseChineseNumber } from "../../../../src/handlers/office/chinese-number.ts";

describe("parseChineseNumber", () => {
  it.each([
    ["0", 0],
    ["7", 7],
    ["05", 5],
    ["14", 14],
    ["2026", 2026],
    ["零", 0],
    ["〇", 0],
    ["一", 1],
    ["二", 2],
    ["两", 2],
    ["九", 9],
    ["十", 10],
    ["十二", 12],
    ["十九", 19],
    ["二十", 20],
    ["二十三", 23],
    ["三十五", 35],
    ["五十九", 59],
    ["九十九", 99],
    ["一百", 100],
    ["一百零五", 105],
    ["一百二十", 120],
    ["二百五", 250],
    ["两百", 200],
    ["三千五", 3500],
    ["一千二百三十四", 1234],
    ["两千零二十六", 2026],
    ["一万", 10000],
    ["两万三千", 23000],
    ["万", 10000],
    ["二〇二六", 2026],
    ["零五", 5],
    ["一二", 12],
    [" 十二 ", 12],
  ])("%s is %i", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(["", " ", "十十", "三三十", "一百十", "零十", "十a", "abc", "1二", "一万万", "-3", "3.5", "半"])(
    "%j is not a number",
    (text) => {
      expect(parseChineseNumber(text)).toBeNull();
    },
  );
});
