/**
 * Deadline phrases of a 交办 read in Asia/Shanghai with 18:00 as 下班 (default_deadline): days,
 * clocks, weekdays, dates, N个工作日 on the official calendar (调休 make-up days count, holidays do
 * not, the day of the 交办 does not), the default (落实不过夜) and past deadlines.
 */
import { describe, expect, it } from "vitest";
import {
  type DeadlineResult,
  defaultDeadline,
  parseDeadline,
} from "../../../../src/handlers/supervision/rules/deadline-phrase.ts";

const rules = { timeZone: "Asia/Shanghai", defaultDeadline: { hour: 18, minute: 0 } };
/** A local time in Shanghai as an instant. */
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+08:00`);
const at = (result: DeadlineResult) => (result.ok ? result.at.toISOString() : result.problem);

// Monday 2026-12-07, 09:00.
const MONDAY = local("2026-12-07 09:00");

describe("deadline phrases", () => {
  it.each([
    ["今天17:00前", "2026-12-07 17:00"],
    ["今天17：00前", "2026-12-07 17:00"],
    ["今天下班前", "2026-12-07 18:00"],
    ["今天下午3点半前", "2026-12-07 15:30"],
    ["明天12时前", "2026-12-08 12:00"],
    ["明天12时30分前", "2026-12-08 12:30"],
    ["明天中午", "2026-12-08 12:00"],
    ["明天", "2026-12-08 18:00"],
    ["后天", "2026-12-09 18:00"],
    ["大后天下班前", "2026-12-10 18:00"],
    ["本周五前", "2026-12-11 18:00"],
    ["这周五前", "2026-12-11 18:00"],
    ["周三", "2026-12-09 18:00"],
    ["星期一前", "2026-12-07 18:00"],
    ["下周一前", "2026-12-14 18:00"],
    ["下星期三12点前", "2026-12-16 12:00"],
    ["12月10日前", "2026-12-10 18:00"],
    ["12月10号", "2026-12-10 18:00"],
    ["十二月十日前", "2026-12-10 18:00"],
    ["12月10日17时前", "2026-12-10 17:00"],
    ["12月10日 17:00前", "2026-12-10 17:00"],
    ["2026-12-10", "2026-12-10 18:00"],
    ["2026-12-10 09:30", "2026-12-10 09:30"],
    ["2026/12/10", "2026-12-10 18:00"],
    ["2027年1月5日前", "2027-01-05 18:00"],
    ["1月5日前", "2027-01-05 18:00"],
    ["10日前", "2026-12-10 18:00"],
    ["月底前", "2026-12-31 18:00"],
    ["１７:００前", "2026-12-07 17:00"],
    ["17点前", "2026-12-07 17:00"],
    ["3天内", "2026-12-10 18:00"],
    ["3个工作日内", "2026-12-10 18:00"],
    ["三个工作日内", "2026-12-10 18:00"],
    ["5个工作日内", "2026-12-14 18:00"],
  ])("%s → %s", (text, expected) => {
    expect(at(parseDeadline(text, MONDAY, rules))).toBe(local(expected).toISOString());
  });

  it("counts official workdays after the day of the 交办, with 调休 make-up days and without holidays", () => {
    // Thu 2026-09-17: Fri 18 (1), Sat 19 off, Sun 20 make-up workday (2), Mon 21 (3).
    expect(at(parseDeadline("3个工作日内", local("2026-09-17 10:00"), rules))).toBe(
      local("2026-09-21 18:00").toISOString(),
    );
    // Thu 2026-09-24: Fri 25 中秋 to Sun 27 off; Mon 28 (1), Tue 29 (2), Wed 30 (3).
    expect(at(parseDeadline("3个工作日内", local("2026-09-24 10:00"), rules))).toBe(
      local("2026-09-30 18:00").toISOString(),
    );
    // Wed 2026-09-30: 10-01 to 10-07 国庆 off; Thu 8 (1), Fri 9 (2), Sat 10 make-up (3).
    expect(at(parseDeadline("3个工作日内", local("2026-09-30 16:00"), rules))).toBe(
      local("2026-10-10 18:00").toISOString(),
    );
    // Given on a holiday, the holiday does not count either.
    expect(at(parseDeadline("1个工作日内", local("2026-10-03 10:00"), rules))).toBe(
      local("2026-10-08 18:00").toISOString(),
    );
  });

  it("counts with the calendar it is given", () => {
    const everyDay = { ...rules, isWorkday: () => true };
    expect(at(parseDeadline("3个工作日内", MONDAY, everyDay))).toBe(local("2026-12-10 18:00").toISOString());
    const weekdaysOnly = {
      ...rules,
      isWorkday: (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()),
    };
    expect(at(parseDeadline("3个工作日内", local("2026-09-17 10:00"), weekdaysOnly))).toBe(
      local("2026-09-22 18:00").toISOString(),
    );
  });

  it("reads 下班 as the office's own default deadline", () => {
    const early = { ...rules, defaultDeadline: { hour: 17, minute: 30 } };
    expect(at(parseDeadline("今天下班前", MONDAY, early))).toBe(local("2026-12-07 17:30").toISOString());
    expect(at(parseDeadline("12月10日前", MONDAY, early))).toBe(local("2026-12-10 17:30").toISOString());
  });

  it("says when a deadline is already over, and which instant it names", () => {
    const evening = local("2026-12-07 19:00");
    for (const [text, when] of [
      ["今天17:00前", "2026-12-07 17:00"],
      ["今天下班前", "2026-12-07 18:00"],
      ["12月1日前", "2026-12-01 18:00"],
      ["2026-12-07", "2026-12-07 18:00"],
    ] as const) {
      const result = parseDeadline(text, evening, rules);
      expect(result).toEqual({ ok: false, problem: "past", at: local(when) });
    }
    // Sunday 2026-12-13: this week's Friday is behind, a plain 周五 is the coming one.
    const sunday = local("2026-12-13 10:00");
    expect(parseDeadline("本周五前", sunday, rules)).toMatchObject({ ok: false, problem: "past" });
    expect(at(parseDeadline("周五前", sunday, rules))).toBe(local("2026-12-18 18:00").toISOString());
  });

  it("refuses what is no deadline or no date", () => {
    for (const text of ["尽快", "", "前", "报送防汛物资", "明天25点", "0个工作日内", "100个工作日内"])
      expect(parseDeadline(text, MONDAY, rules)).toEqual({ ok: false, problem: "unknown" });
    for (const text of ["2月30日前", "2026-13-01", "12月32日"])
      expect(parseDeadline(text, MONDAY, rules)).toEqual({ ok: false, problem: "noSuchDate" });
  });
});

describe("the default deadline (落实不过夜)", () => {
  it("is today at default_deadline while that is ahead", () => {
    expect(defaultDeadline(MONDAY, rules)).toEqual({ at: local("2026-12-07 18:00"), rolled: false });
  });

  it("rolls to the next official workday once today's has passed", () => {
    expect(defaultDeadline(local("2026-12-07 18:00"), rules)).toEqual({
      at: local("2026-12-08 18:00"),
      rolled: true,
    });
    // The evening before 国庆 (Wed 2026-09-30): the first workday after it.
    expect(defaultDeadline(local("2026-09-30 20:00"), rules)).toEqual({
      at: local("2026-10-08 18:00"),
      rolled: true,
    });
  });

  it("keeps today on a weekend while today's time is ahead (a weekend task is still today's)", () => {
    expect(defaultDeadline(local("2026-12-12 10:00"), rules)).toEqual({
      at: local("2026-12-12 18:00"),
      rolled: false,
    });
  });
});
