/**
 * How times are written, in one place: instants shown in the policy's time zone the way office
 * staff write them, local days, and durations. Every text a person reads takes its times from here.
 */
import { instantToLocal, type WallClock } from "../../bot/core/wall-clock.ts";
import { officeMessages as M } from "./messages.ts";

const two = (n: number) => String(n).padStart(2, "0");

function clockOf(t: Pick<WallClock, "hour" | "minute">): string {
  return `${two(t.hour)}:${two(t.minute)}`;
}

function sameLocalDay(at: Date, now: Date, timeZone: string): boolean {
  const t = instantToLocal(at, timeZone);
  const today = instantToLocal(now, timeZone);
  return t.year === today.year && t.month === today.month && t.day === today.day;
}

/** `2026-03-02 14:20` in the given time zone. */
export function formatLocalTime(at: Date, timeZone: string): string {
  const t = instantToLocal(at, timeZone);
  return `${t.year}-${two(t.month)}-${two(t.day)} ${clockOf(t)}`;
}

/** `17:00` */
export function formatClock(at: Date, timeZone: string): string {
  return clockOf(instantToLocal(at, timeZone));
}

/**
 * Times in lists and timelines, as short as they can be without being ambiguous: `14:25` for
 * today (in the policy's zone), `03-01 14:25` for another day.
 */
export function shortLocalTime(at: Date, now: Date, timeZone: string): string {
  if (sameLocalDay(at, now, timeZone)) return formatClock(at, timeZone);
  const t = instantToLocal(at, timeZone);
  return `${two(t.month)}-${two(t.day)} ${clockOf(t)}`;
}

/** A receipt's time: `14:30` on the same day as `now`, else in full, `2026-03-02 14:30`. */
export function clockOrFullTime(at: Date, now: Date, timeZone: string): string {
  return sameLocalDay(at, now, timeZone) ? formatClock(at, timeZone) : formatLocalTime(at, timeZone);
}

/** `12月1日（星期二）` from the local day `2026-12-01`. */
export function formatDayZh(day: string): string {
  const [, month = 0, date = 0] = day.split("-").map(Number);
  return M.dayZh(month, date, new Date(`${day}T00:00:00Z`).getUTCDay());
}

/** `03-02` from `2026-03-02`. */
export function shortDay(day: string): string {
  return day.slice(5);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Durations the way offices label lateness (迟报 25 分钟, 超时 1 小时 5 分钟, 已持续 2 天 3 小时):
 * the two largest units, counted down so a label never overstates how late someone was.
 * `25 分钟`, `1 小时 5 分钟`, `2 天 3 小时`, `2 天`, `不到 1 分钟`. Whole units only, rounded down;
 * below a day minutes are shown, from a day on only days and hours. Throws RangeError for a
 * negative or non-finite duration, which is a caller's mistake (an instant subtracted the wrong way).
 */
export function formatDurationZh(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`formatDurationZh: not a duration: ${ms}`);
  if (ms < MINUTE) return M.underAMinute;
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${M.days(days)} ${M.hours(hours)}` : M.days(days);
  if (hours > 0) return minutes > 0 ? `${M.hours(hours)} ${M.minutes(minutes)}` : M.hours(hours);
  return M.minutes(minutes);
}
