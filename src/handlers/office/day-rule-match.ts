/** Whether a schedule's day rule holds on a local day. Pure apart from the official calendar. */
import type { DayKind, DayRule, MonthDayRange } from "../../config/day-rule.ts";
import { isOfficialHoliday, isOfficialWorkday, isWeekend } from "./china-calendar.ts";

const KIND_MATCHES: Record<DayKind, (day: string) => boolean> = {
  daily: () => true,
  workdays: isOfficialWorkday,
  // Weekends as people rest them: a make-up Saturday is not one.
  weekends: (day) => isWeekend(day) && !isOfficialWorkday(day),
  holidays: isOfficialHoliday,
};

function inRange(range: MonthDayRange, month: number, day: number): boolean {
  const at = month * 100 + day;
  const from = range.from.month * 100 + range.from.day;
  const to = range.to.month * 100 + range.to.day;
  return from <= to ? from <= at && at <= to : at >= from || at <= to;
}

/** The kinds widen (any of them), the ranges narrow (within one of them). */
export function dayRuleMatches(rule: DayRule, day: string): boolean {
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  if (rule.ranges.length > 0 && !rule.ranges.some((r) => inRange(r, month, date))) return false;
  return rule.kinds.length === 0 || rule.kinds.some((kind) => KIND_MATCHES[kind](day));
}
