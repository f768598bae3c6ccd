/**
 * What chrono-node's Chinese parser (zh.hans) does with the forms staff type, pinned so that the
 * split between chrono and our own rules rests on behaviour seen, not assumed. If an upgrade changes
 * one of these, revisit weekday-date.ts and time-expression.ts.
 */
import { casual } from "chrono-node/zh/hans";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/** Monday 2 March 2026, 15:00 in Shanghai; the reference carries the zone as an offset (+480). */
const NOW = new Date("2026-03-02T07:00:00Z");
const REF = { instant: NOW, timezone: 480 };

function read(text: string) {
  return casual.parse(text, REF).map((r) => ({
    index: r.index,
    text: r.text,
    month: r.start.get("month"),
    day: r.start.get("day"),
    hour: r.start.get("hour"),
    minute: r.start.get("minute"),
  }));
}

describe("chrono zh.hans reads well", () => {
  it.each([
    ["14:20", 3, 2, 14, 20],
    ["14时20分", 3, 2, 14, 20],
    ["下午2点20", 3, 2, 14, 20],
    ["今天14时20分", 3, 2, 14, 20],
    ["昨天晚上8点", 3, 1, 20, 0],
    ["前天上午10点", 2, 28, 10, 0],
    ["3月2日下午2点", 3, 2, 14, 0],
    ["2026年3月2日14时20分", 3, 2, 14, 20],
    ["2026-03-02 14:20", 3, 2, 14, 20],
    ["十四时二十分", 3, 2, 14, 20],
    ["晚上十一点半", 3, 2, 23, 30],
    ["上周五下午3点", 2, 27, 15, 0],
  ])("%s", (text, month, day, hour, minute) => {
    expect(read(text)).toEqual([{ index: 0, text, month, day, hour, minute }]);
  });
});

describe("chrono zh.hans falls short (our own rules cover these)", () => {
  it("does not know 刚才 or 刚刚", () => {
    expect(read("刚才")).toEqual([]);
    expect(read("刚刚")).toEqual([]);
  });

  it("reads only the 半小时前 of 一个半小时前", () => {
    expect(read("一个半小时前")).toMatchObject([{ index: 2, text: "半小时前" }]);
  });

  it("drops 晚 and 傍晚 before an hour and reads the morning", () => {
    expect(read("晚8点")).toMatchObject([{ text: "8点", hour: 8 }]);
    expect(read("傍晚6点")).toMatchObject([{ text: "6点", hour: 6 }]);
  });

  it("reads 一刻 as one minute", () => {
    expect(read("两点一刻")).toMatchObject([{ text: "两点一", hour: 2, minute: 1 }]);
  });

  it("reads 晚上12点 as noon", () => {
    expect(read("晚上12点")).toMatchObject([{ hour: 12, minute: 0 }]);
  });

  it("does not read 下午14点", () => {
    expect(read("下午14点")).toEqual([]);
  });

  it("loses a bare day and a slashed date", () => {
    expect(read("2日14时")).toMatchObject([{ index: 2, text: "14时" }]);
    expect(read("2026/3/2 14:20")).toMatchObject([{ text: "14:20" }]);
  });

  it("takes a bare weekday as the coming one", () => {
    const wednesday = { instant: new Date("2026-03-04T07:00:00Z"), timezone: 480 };
    const [friday] = casual.parse("周五下午3点", wednesday);
    expect(friday?.start.get("day")).toBe(6);
  });

  describe("with the process in another zone than the reference", () => {
    let saved: string | undefined;
    beforeEach(() => {
      saved = process.env.TZ;
      process.env.TZ = "UTC";
    });
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it("puts 半小时前 and 现在 eight hours off", () => {
      const [ago] = casual.parse("半小时前", REF);
      expect(ago?.start.date().getTime()).toBe(NOW.getTime() - 30 * 60_000 - 8 * 3_600_000);
      const [now] = casual.parse("现在", REF);
      expect(now?.start.date().getTime()).toBe(NOW.getTime() - 8 * 3_600_000);
    });

    it("still gives the right wall-clock components for dates and clock readings", () => {
      const [yesterday] = casual.parse("昨天晚上8点", REF);
      expect(yesterday?.start.get("day")).toBe(1);
      expect(yesterday?.start.get("hour")).toBe(20);
    });
  });
});
