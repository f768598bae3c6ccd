/** Local days (`2026-12-01`) in the policy's time zone: how reports and rosters name a day. */
import { instantToLocal, localToInstant } from "../../bot/core/wall-clock.ts";
import type { TimeOfDay } from "../../config/time-of-day.ts";

const two = (n: number) => String(n).padStart(2, "0");
const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

/** The instant a local day's clock reads `time`. */
export function instantOnDay(day: string, time: TimeOfDay, timeZone: string): Date {
  const [year = 0, month = 0, date = 0] = day.split("-").map(Number);
  return localToInstant({ year, month, day: date, hour: time.hour, minute: time.minute }, timeZone);
}

/** `12月1日（星期二）` */
export function formatDayZh(day: string): string {
  const [, month = 0, date = 0] = day.split("-").map(Number);
  return `${month}月${date}日（星期${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]}）`;
}

/** `17:00` */
export function formatClock(at: Date, timeZone: string): string {
  const t = instantToLocal(at, timeZone);
  return `${two(t.hour)}:${two(t.minute)}`;
}
