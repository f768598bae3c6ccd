/**
 * The period a 统计 or 通报 asks about: 本周, 上周, 本月, 上月, 今年, a month (`2026-03`, `2026年3月`)
 * or a year (`2026`, `2026年`). Weeks start on Monday; a period that has not ended yet runs to today.
 * Pure: the time and zone are inputs.
 */
import { addCivilDays, type CivilDate, dayString, isRealDate } from "../../bot/core/wall-clock.ts";
import { localDay, startOfDay } from "../office/days.ts";
import { statisticsMessages as M } from "./messages.ts";

export interface Period {
  kind: "week" | "month" | "year";
  /** How the period reads in a title: `2026年3月`, `本周（03-02 至 03-08）`. */
  label: string;
  /** First and last local day, both included, as `2026-03-01`. */
  fromDay: string;
  toDay: string;
  /** The same days as instants: `from` included, `to` excluded (the start of the day after `toDay`). */
  from: Date;
  to: Date;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; reason: "format" | "future" };

function build(
  kind: Period["kind"],
  label: string,
  first: CivilDate,
  last: CivilDate,
  timeZone: string,
): Period {
  return {
    kind,
    label,
    fromDay: dayString(first),
    toDay: dayString(last),
    from: startOfDay(first, timeZone),
    to: startOfDay(addCivilDays(last, 1), timeZone),
  };
}

function lastDayOfMonth(year: number, month: number): CivilDate {
  return addCivilDays({ year, month: month + 1, day: 1 }, -1);
}

/** The whole month (or up to today for the current one); future months are refused. */
export function monthPeriod(year: number, month: number, today: CivilDate, timeZone: string): PeriodResult {
  if (!isRealDate(year, month, 1)) return { ok: false, reason: "format" };
  if (year > today.year || (year === today.year && month > today.month))
    return { ok: false, reason: "future" };
  const current = year === today.year && month === today.month;
  const last = current ? today : lastDayOfMonth(year, month);
  return {
    ok: true,
    period: build("month", M.monthLabel(year, month), { year, month, day: 1 }, last, timeZone),
  };
}

function yearPeriod(year: number, today: CivilDate, timeZone: string): PeriodResult {
  if (year > today.year) return { ok: false, reason: "future" };
  const last = year === today.year ? today : { year, month: 12, day: 31 };
  return { ok: true, period: build("year", M.yearLabel(year), { year, month: 1, day: 1 }, last, timeZone) };
}

function weekPeriod(label: string, monday: CivilDate, today: CivilDate, timeZone: string): PeriodResult {
  const sunday = addCivilDays(monday, 6);
  const last = dayString(sunday) > dayString(today) ? today : sunday;
  const days = M.weekLabel(label, dayString(monday).slice(5), dayString(last).slice(5));
  return { ok: true, period: build("week", days, monday, last, timeZone) };
}

/** The month before the one `now` falls in: what a monthly 通报 is about. */
export function previousMonth(now: Date, timeZone: string): { year: number; month: number } {
  const today = localDay(now, timeZone);
  return today.month === 1
    ? { year: today.year - 1, month: 12 }
    : { year: today.year, month: today.month - 1 };
}

/** The month before the one `at` falls in (a 通报's month when none is named), as of `now`. */
export function monthBefore(at: Date, now: Date, timeZone: string): PeriodResult {
  const { year, month } = previousMonth(at, timeZone);
  return monthPeriod(year, month, localDay(now, timeZone), timeZone);
}

export function parsePeriod(text: string, now: Date, timeZone: string): PeriodResult {
  const words = text.replace(/\s+/g, "");
  const today = localDay(now, timeZone);
  if (words === "" || words === "本月") return monthPeriod(today.year, today.month, today, timeZone);
  if (words === "上月" || words === "上个月") return monthBefore(now, now, timeZone);
  if (words === "今年" || words === "本年") return yearPeriod(today.year, today, timeZone);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const monday = addCivilDays(today, -((weekday + 6) % 7));
  if (words === "本周") return weekPeriod(M.thisWeek, monday, today, timeZone);
  if (words === "上周") return weekPeriod(M.lastWeek, addCivilDays(monday, -7), today, timeZone);
  const month = /^(\d{4})(?:[-./年])(\d{1,2})月?$/.exec(words);
  if (month) return monthPeriod(Number(month[1]), Number(month[2]), today, timeZone);
  const year = /^(\d{4})年?$/.exec(words);
  if (year) return yearPeriod(Number(year[1]), today, timeZone);
  return { ok: false, reason: "format" };
}
