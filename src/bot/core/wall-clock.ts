/**
 * Wall-clock arithmetic in an IANA time zone, done with `Intl` so that a zone's rules (and any
 * daylight saving time) come from the runtime's time-zone database rather than a fixed offset.
 * Staff write local times ("14时20分"); the domain keeps instants (UTC `Date`s).
 */

/** A civil date and time as a clock on the wall shows it, in some zone. Months are 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/** A civil date without a time of day. Months are 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building them is the slow part of `Intl`. Throws RangeError for an unknown zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a wall clock in `timeZone` shows at the instant `at` (seconds included, milliseconds dropped). */
export function instantToLocal(at: Date, timeZone: string): Required<WallClock> {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? Number.NaN,
    month: fields.month ?? Number.NaN,
    day: fields.day ?? Number.NaN,
    // Some engines still print midnight as 24 under h23; it is the start of the same day.
    hour: (fields.hour ?? Number.NaN) % 24,
    minute: fields.minute ?? Number.NaN,
    second: fields.second ?? Number.NaN,
  };
}

/** The zone's offset from UTC at the instant `at`, in minutes (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const wall = instantToLocal(at, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const wholeSeconds = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / 60_000);
}

/**
 * The instant at which a wall clock in `timeZone` shows `fields`. Out-of-range fields roll over the
 * way `Date.UTC` does (day 32 is the next month's 1st). Like Temporal's "compatible" choice: a time
 * that occurs twice (clocks turned back) maps to its first occurrence, and a time that a jump skips
 * (clocks turned forward) is read with the offset in force before the jump, so it lands after it.
 */
export function localToInstant(fields: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second ?? 0,
  );
  // Offsets change at most once within a day on either side, so these two bracket every case.
  const before = zoneOffsetMinutes(new Date(asUtc - DAY_MS), timeZone);
  const after = zoneOffsetMinutes(new Date(asUtc + DAY_MS), timeZone);
  const candidates = [before, after]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => asUtc - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000 === instant);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(asUtc - before * 60_000);
}

/** The civil date `days` days after `date` (negative: before). */
export function addCivilDays(date: CivilDate, days: number): CivilDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Whether year-month-day names a day that exists (config checks dates with it too). */
export { isRealDate } from "../../config/real-date.ts";

/** Orders two civil dates: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const twoDigits = (n: number) => String(n).padStart(2, "0");

/** A civil date as `2026-03-02`, the form reports and rosters name a day by. */
export function dayString(date: CivilDate): string {
  return `${date.year}-${twoDigits(date.month)}-${twoDigits(date.day)}`;
}

/** The local day, `2026-03-02`, in `timeZone` at the instant `at`. */
export function localDayString(at: Date, timeZone: string): string {
  return dayString(instantToLocal(at, timeZone));
}
