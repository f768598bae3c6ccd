/**
 * Ties a written time (`TimeExpression`) to an instant, given when it was read (`now`) and the office's
 * time zone. The choices a person would make are made here, in one place:
 * - a date without a year is in the current year unless that is more than half a year ahead
 *   (12月31日 read on 1月2日 is last year's, 3月3日 read on 3月2日 is tomorrow, for the caller to
 *   reject: a slip of one day must not silently become a year ago);
 * - a bare day (28日) is this month's or last month's, whichever is nearer (the past on a tie);
 * - a clock reading without a date is today, even when it is later than now: a future time is for
 *   the caller to reject ("事发时间不能晚于现在"), which tells the person to add 昨天;
 * - a bare 点 hour that may be read on a 12-hour clock (3点 is 03:00 or 15:00) takes the most recent
 *   reading that is not after now; 时 (3时) and colon (3:00) readings are 24-hour, as in documents;
 * - 晚上/夜里 with 12点 or a small hour (夜里1点) is after midnight: the next day when a date was
 *   written (昨晚12点 is today 00:00), the same day when none was (半夜2点 read at 06:00 is today).
 */

import {
  addCivilDays,
  type CivilDate,
  compareCivilDates,
  instantToLocal,
  isRealDate,
  localToInstant,
} from "../../../bot/core/wall-clock.ts";
import type { ClockPart, DatePart, PartOfDay, TimeExpression } from "./time-expression.ts";
import { weekdayDate } from "./weekday-date.ts";

/** Why a written time names no instant. */
export type TimeProblem =
  /** A date or a part of the day without a clock reading. */
  | "needsClock"
  /** A date after today without a clock reading (明天, 后天): later than now whatever the hour. */
  | "futureDay"
  /** A date that does not exist (2月30日, 13月1日) or a weekday chrono cannot place. */
  | "noSuchDate"
  | "weekdayUnknown"
  /** A clock reading out of range (25点, 14点61分). */
  | "noSuchClock"
  /** A part of the day that does not fit the hour (上午14点, 晚上3点半 is fine, 早上14点 is not). */
  | "contradiction";

/** The outcome of resolving one expression. */
export type ResolvedTime =
  | { ok: true; at: Date; approximate: boolean; date: CivilDate }
  | { ok: false; problem: TimeProblem };

/** What the surrounding text already said: a day that 当天 and dateless clock readings refer to. */
export interface TimeContext {
  day?: CivilDate;
}

const EARLIEST_YEAR = 1900;
const HALF_YEAR_DAYS = 183;
const LATEST_YEAR = 2100;

/** The instant `expression` names when read at `now` in `timeZone` (see the file comment for the choices). */
export function resolveTime(
  expression: TimeExpression,
  now: Date,
  timeZone: string,
  context: TimeContext = {},
): ResolvedTime {
  if (expression.kind === "now") {
    return { ok: true, at: now, approximate: expression.approximate, date: instantToLocal(now, timeZone) };
  }
  if (expression.kind === "ago") {
    const at = new Date(now.getTime() - expression.milliseconds);
    return { ok: true, at, approximate: true, date: instantToLocal(at, timeZone) };
  }

  const date = resolveDay(expression.date, now, timeZone, context);
  if ("problem" in date) return { ok: false, problem: date.problem };
  const { clock } = expression;
  if (!clock) {
    const later = compareCivilDates(date.day, instantToLocal(now, timeZone)) > 0;
    return { ok: false, problem: later ? "futureDay" : "needsClock" };
  }
  if (!clockInRange(clock)) return { ok: false, problem: "noSuchClock" };

  const dated = expression.date !== undefined || context.day !== undefined;
  const hour = hourOfDay(clock, expression.partOfDay);
  if (!hour) return { ok: false, problem: "contradiction" };
  const seconds = clock.second ?? 0;

  const at = (day: CivilDate, h: number) =>
    localToInstant({ ...day, hour: h, minute: clock.minute, second: seconds }, timeZone);

  if (!dated && !expression.partOfDay && clock.style === "dian" && clock.hour >= 1 && clock.hour <= 12) {
    // 3点 could be 03:00 or 15:00: the most recent reading not after now, else the literal one.
    const morning = clock.hour % 12;
    const readings = [at(date.day, morning), at(date.day, morning + 12)];
    const past = readings.filter((d) => d.getTime() <= now.getTime());
    const chosen = past.length > 0 ? (past[past.length - 1] as Date) : at(date.day, clock.hour);
    return { ok: true, at: chosen, approximate: expression.approximate, date: date.day };
  }

  const day = hour.nextDay && dated ? addCivilDays(date.day, 1) : date.day;
  return { ok: true, at: at(day, hour.hour), approximate: expression.approximate, date: day };
}

/** The civil day a written date names (today when none was written), by the same choices. */
export function resolveDay(
  part: DatePart | undefined,
  now: Date,
  timeZone: string,
  context: TimeContext = {},
): { day: CivilDate } | { problem: TimeProblem } {
  const today = instantToLocal(now, timeZone);
  if (!part) return { day: context.day ?? today };
  switch (part.kind) {
    case "relative":
      return { day: addCivilDays(today, part.days) };
    case "sameDay":
      return { day: context.day ?? today };
    case "weekday": {
      const day = weekdayDate(part.text, now, timeZone);
      return day ? { day } : { problem: "weekdayUnknown" };
    }
    case "calendar": {
      let { year, month } = part;
      const { day } = part;
      if (month === undefined) {
        const nearest = nearestWithDay(day, today);
        if (!nearest) return { problem: "noSuchDate" };
        ({ year, month } = nearest);
      } else if (year === undefined) {
        year =
          daysBetween(today, { year: today.year, month, day }) > HALF_YEAR_DAYS ? today.year - 1 : today.year;
      }
      if (year < EARLIEST_YEAR || year > LATEST_YEAR || !isRealDate(year, month, day)) {
        return { problem: "noSuchDate" };
      }
      return { day: { year, month, day } };
    }
  }
}

/** This month's or last month's `day`, whichever exists and is nearer to `today` (the past on a tie). */
function nearestWithDay(day: number, today: CivilDate): CivilDate | undefined {
  const lastMonth = addCivilDays({ ...today, day: 1 }, -1);
  const candidates = [
    { year: lastMonth.year, month: lastMonth.month, day },
    { year: today.year, month: today.month, day },
  ].filter((d) => isRealDate(d.year, d.month, d.day));
  const distance = (d: CivilDate) => Math.abs(daysBetween(today, d));
  return candidates.sort((a, b) => distance(a) - distance(b))[0];
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
function daysBetween(a: CivilDate, b: CivilDate): number {
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000;
}

function clockInRange(clock: ClockPart): boolean {
  const second = clock.second ?? 0;
  if (clock.minute < 0 || clock.minute > 59 || second < 0 || second > 59) return false;
  if (clock.hour === 24) return clock.minute === 0 && second === 0;
  return clock.hour >= 0 && clock.hour <= 23;
}

/** The 24-hour hour a clock reading means after a part of the day; null when they contradict. */
function hourOfDay(clock: ClockPart, part: PartOfDay | undefined): { hour: number; nextDay: boolean } | null {
  const h = clock.hour;
  const same = { hour: h, nextDay: false };
  const pm = { hour: h + 12, nextDay: false };
  if (h === 24) return { hour: 0, nextDay: true };
  switch (part) {
    case undefined:
      return same;
    case "earlyMorning":
      if (h === 12) return { hour: 0, nextDay: false };
      return h <= 6 ? same : null;
    case "morning":
      return h <= 11 ? same : null;
    case "forenoon":
      return h <= 12 ? same : null;
    case "noon":
      if (h >= 1 && h <= 3) return pm;
      return h === 11 || h === 12 || (h >= 13 && h <= 15) ? same : null;
    case "afternoon":
      if (h >= 1 && h <= 11) return pm;
      return h >= 12 ? same : null;
    case "dusk":
      if (h >= 4 && h <= 8) return pm;
      return h >= 16 && h <= 20 ? same : null;
    case "night":
      if (h >= 6 && h <= 11) return pm;
      if (h >= 18) return same;
      if (h === 12 || h === 0) return { hour: 0, nextDay: true };
      return h <= 5 ? { hour: h, nextDay: true } : null;
  }
}
