/** Local days as `2026-03-02` strings (the form DailyReport.day keeps) and their boundaries in UTC. */
import {
  addCivilDays,
  type CivilDate,
  dayString,
  instantToLocal,
  localToInstant,
} from "../../bot/core/wall-clock.ts";

/** The local day, in `timeZone`, that contains the instant. */
export function localDay(at: Date, timeZone: string): CivilDate {
  const t = instantToLocal(at, timeZone);
  return { year: t.year, month: t.month, day: t.day };
}

/** The instant the local day starts (00:00 in `timeZone`). */
export function startOfDay(date: CivilDate, timeZone: string): Date {
  return localToInstant({ ...date, hour: 0, minute: 0 }, timeZone);
}

/** `03-02` from `2026-03-02`. */
export function shortDay(day: string): string {
  return day.slice(5);
}

/** Every day from `from` to `to`, both included, as strings. */
export function daysBetween(from: CivilDate, to: CivilDate): string[] {
  const days: string[] = [];
  for (let d = from; dayString(d) <= dayString(to); d = addCivilDays(d, 1)) days.push(dayString(d));
  return days;
}
