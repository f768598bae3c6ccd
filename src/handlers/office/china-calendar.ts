/**
 * China's official calendar (State Council holiday notices, 调休 make-up days included) from the
 * maintained `chinese-days` package; years it does not cover yet fall back to Monday–Friday.
 */
import chineseDays from "chinese-days";

/** Whether offices work on the local day `YYYY-MM-DD` (a make-up Saturday is a workday). */
export function isOfficialWorkday(day: string): boolean {
  return chineseDays.isWorkday(day);
}

/** Whether the local day is an official public holiday (not merely a weekend). */
export function isOfficialHoliday(day: string): boolean {
  return chineseDays.getHolidaysInRange(day, day, false).length > 0;
}

/** Saturday or Sunday by the calendar, whether or not it is a make-up workday. */
export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
