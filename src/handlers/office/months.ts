/**
 * Local months as spans of instants, in the policy's time zone: the month an instant falls in, and
 * the months before it (charts of this month, or of the last six). Pure.
 */
import { localDay, startOfDay } from "./days.ts";

export interface MonthSpan {
  year: number;
  month: number;
  /** The month's first instant (local 00:00 on the 1st). */
  from: Date;
  /** The next month's first instant. */
  to: Date;
}

function next(year: number, month: number): { year: number; month: number } {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

function span(year: number, month: number, timeZone: string): MonthSpan {
  const after = next(year, month);
  return {
    year,
    month,
    from: startOfDay({ year, month, day: 1 }, timeZone),
    to: startOfDay({ ...after, day: 1 }, timeZone),
  };
}

/** The local month `at` falls in. */
export function monthOf(at: Date, timeZone: string): MonthSpan {
  const { year, month } = localDay(at, timeZone);
  return span(year, month, timeZone);
}

/** The `count` months up to the one `at` falls in, oldest first. */
export function monthsUpTo(at: Date, count: number, timeZone: string): MonthSpan[] {
  const { year, month } = localDay(at, timeZone);
  const months: MonthSpan[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const index = year * 12 + (month - 1) - i;
    months.push(span(Math.floor(index / 12), (index % 12) + 1, timeZone));
  }
  return months;
}
