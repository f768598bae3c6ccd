/**
 * Day rules on China's real official calendar (State Council notices for 2025 and 2026): holidays,
 * 调休 make-up workdays, weekends, holiday lists and date ranges such as 汛期.
 */
import { describe, expect, it } from "vitest";
import { type DayRule, parseDayRule } from "../../../../src/config/day-rule.ts";
import { dayRuleMatches } from "../../../../src/handlers/office/day-rule-match.ts";

function rule(...parts: string[]): DayRule {
  const parsed = parseDayRule(parts);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
}

const workdays = rule("workdays");

describe("workdays follow the official calendar", () => {
  it("2025 Spring Festival: 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 worked", () => {
    expect(dayRuleMatches(workdays, "2025-01-26")).toBe(true); // Sunday, make-up day
    expect(dayRuleMatches(workdays, "2025-01-27")).toBe(true);
    for (const day of ["2025-01-28", "2025-01-31", "2025-02-03", "2025-02-04"])
      expect(dayRuleMatches(workdays, day), day).toBe(false); // Tue..Tue, holiday
    expect(dayRuleMatches(workdays, "2025-02-05")).toBe(true);
    expect(dayRuleMatches(workdays, "2025-02-08")).toBe(true); // Saturday, make-up day
  });

  it("2025 National Day + Mid-Autumn: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked", () => {
    expect(dayRuleMatches(workdays, "2025-09-28")).toBe(true);
    expect(dayRuleMatches(workdays, "2025-10-01")).toBe(false);
    expect(dayRuleMatches(workdays, "2025-10-08")).toBe(false); // a Wednesday
    expect(dayRuleMatches(workdays, "2025-10-09")).toBe(true);
    expect(dayRuleMatches(workdays, "2025-10-11")).toBe(true);
  });

  it("2026 Spring Festival: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked", () => {
    expect(dayRuleMatches(workdays, "2026-02-14")).toBe(true);
    expect(dayRuleMatches(workdays, "2026-02-16")).toBe(false); // Monday in the holiday
    expect(dayRuleMatches(workdays, "2026-02-23")).toBe(false);
    expect(dayRuleMatches(workdays, "2026-02-24")).toBe(true);
    expect(dayRuleMatches(workdays, "2026-02-28")).toBe(true);
    expect(dayRuleMatches(workdays, "2026-03-01")).toBe(false); // plain Sunday
  });

  it("2026 National Day: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked", () => {
    expect(dayRuleMatches(workdays, "2026-09-20")).toBe(true);
    expect(dayRuleMatches(workdays, "2026-10-01")).toBe(false);
    expect(dayRuleMatches(workdays, "2026-10-07")).toBe(false);
    expect(dayRuleMatches(workdays, "2026-10-08")).toBe(true);
    expect(dayRuleMatches(workdays, "2026-10-10")).toBe(true);
  });
});

describe("weekends and holidays", () => {
  it("a make-up Saturday is not a weekend; a Saturday inside a holiday is", () => {
    const weekends = rule("weekends");
    expect(dayRuleMatches(weekends, "2026-02-14")).toBe(false);
    expect(dayRuleMatches(weekends, "2026-02-21")).toBe(true);
    expect(dayRuleMatches(weekends, "2026-03-07")).toBe(true);
    expect(dayRuleMatches(weekends, "2026-03-09")).toBe(false);
  });

  it("holidays are the official ones, not ordinary weekends", () => {
    const holidays = rule("holidays");
    expect(dayRuleMatches(holidays, "2026-02-17")).toBe(true); // 春节
    expect(dayRuleMatches(holidays, "2025-10-06")).toBe(true); // 中秋 inside 国庆
    expect(dayRuleMatches(holidays, "2026-03-07")).toBe(false); // plain Saturday
    expect(dayRuleMatches(holidays, "2026-02-14")).toBe(false); // make-up workday
  });

  it("a list of kinds widens: weekends or holidays", () => {
    const rest = rule("weekends", "holidays");
    expect(dayRuleMatches(rest, "2026-03-07")).toBe(true);
    expect(dayRuleMatches(rest, "2026-02-16")).toBe(true);
    expect(dayRuleMatches(rest, "2026-03-09")).toBe(false);
  });
});

describe("date ranges", () => {
  it("a range alone means every day in it (汛期 06-01..09-30)", () => {
    const flood = rule("06-01..09-30");
    expect(dayRuleMatches(flood, "2026-06-01")).toBe(true);
    expect(dayRuleMatches(flood, "2026-07-04")).toBe(true); // Saturday
    expect(dayRuleMatches(flood, "2026-09-30")).toBe(true);
    expect(dayRuleMatches(flood, "2026-10-01")).toBe(false);
    expect(dayRuleMatches(flood, "2026-05-31")).toBe(false);
  });

  it("a range narrows a kind: workdays in flood season", () => {
    const r = rule("workdays", "06-01..09-30");
    expect(dayRuleMatches(r, "2026-07-03")).toBe(true);
    expect(dayRuleMatches(r, "2026-07-04")).toBe(false);
    expect(dayRuleMatches(r, "2026-09-20")).toBe(true); // make-up Sunday inside the range
    expect(dayRuleMatches(r, "2026-10-09")).toBe(false); // workday outside the range
  });

  it("a range may wrap over the new year", () => {
    const winter = rule("12-01..02-28");
    expect(dayRuleMatches(winter, "2026-12-15")).toBe(true);
    expect(dayRuleMatches(winter, "2027-01-10")).toBe(true);
    expect(dayRuleMatches(winter, "2026-03-01")).toBe(false);
  });

  it("daily matches every day", () => {
    expect(dayRuleMatches(rule("daily"), "2026-02-16")).toBe(true);
    expect(dayRuleMatches(rule("daily"), "2026-03-09")).toBe(true);
  });
});

describe("parseDayRule", () => {
  it("explains what is wrong in Chinese", () => {
    expect(parseDayRule(["sometimes"])).toMatch(/不是有效的日期规则.*workdays/);
    expect(parseDayRule(["13-01..09-30"])).toMatch(/13-01\.\.09-30/);
    expect(parseDayRule(["02-30..03-01"])).toMatch(/不是有效/);
    expect(parseDayRule([])).toMatch(/至少/);
  });
});
