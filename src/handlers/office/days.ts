/**
 * Local days as `2026-03-02` strings (the form DailyReport.day, rosters and schedules name a day by)
 * and their instants in UTC, in the policy's time zone. How they are written: time-format.ts.
 */
import {
  addCivilDays,
  type CivilDate,
  dayString,
  instantToLocal,
  localToInstant,
} from "../../bot/core/wall-clock.ts";
import type { TimeOfDay } from "../../config/time-of-day.ts";

/** The local day, in `timeZone`, that contains the instant. */
export function localDay(at: Date, timeZone: string): CivilDate {
  const t = instantToLocal(at, timeZone);
  return { year: t.year, month: t.month, day: t.day };
}

/** The instant the local day starts (00:00 in `timeZone`). */
export function startOfDay(date: CivilDate, timeZone: string): Date {
  return localToInstant({ ...date, hour: 0, minute: 0 }, timeZone);
}

/** The instant a local day's clock reads `time`. */
export function instantOnDay(day: string, time: TimeOfDay, timeZone: string): Date {
  const [year = 0, month = 0, date = 0] = day.split("-").map(Number);
  return localToInstant({ year, month, day: date, hour: time.hour, minute: time.minute }, timeZone);
}

/** Every day from `from` to `to`, both included, as strings. */
export function daysBetween(from: CivilDate, to: CivilDate): string[] {
  const days: string[] = [];
  for (let d = from; dayString(d) <= dayString(to); d = addCivilDays(d, 1)) days.push(dayString(d));
  return days;
}
