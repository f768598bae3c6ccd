/**
 * Times in lists and timelines, as short as they can be without being ambiguous: `14:25` for
 * today (in the policy's zone), `03-01 14:25` for another day.
 */
import { instantToLocal } from "../../bot/core/wall-clock.ts";

const two = (n: number) => String(n).padStart(2, "0");

export function shortLocalTime(at: Date, now: Date, timeZone: string): string {
  const t = instantToLocal(at, timeZone);
  const today = instantToLocal(now, timeZone);
  const clock = `${two(t.hour)}:${two(t.minute)}`;
  const sameDay = t.year === today.year && t.month === today.month && t.day === today.day;
  return sameDay ? clock : `${two(t.month)}-${two(t.day)} ${clock}`;
}
