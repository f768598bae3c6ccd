/** Times as transcripts write them: `2026-03-02 09:00` in the policy's zone, ISO with offset, `until 17:00`. */
import { instantToLocal, isRealDate, localToInstant } from "../bot/core/wall-clock.ts";
import { parseTimeOfDay, type TimeOfDay } from "../config/time-of-day.ts";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** `2026-03-02 09:00` (in `timeZone`) or ISO 8601 with an offset; null when neither. */
export function parseDateTime(text: string, timeZone: string): Date | null {
  const trimmed = text.trim();
  if (ISO_WITH_OFFSET.test(trimmed)) {
    const date = new Date(trimmed);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const m = LOCAL.exec(trimmed);
  if (!m) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
    .slice(1)
    .map((v) => (v === undefined ? 0 : Number(v)));
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  return localToInstant({ year, month, day, hour, minute, second }, timeZone);
}

/** The next instant after `from` whose wall clock reads `HH:MM` (or a full date-time). */
export function nextWallClock(target: string, from: Date, timeZone: string): Date | null {
  const full = parseDateTime(target, timeZone);
  if (full) return full;
  const time = parseTimeOfDay(target);
  return time ? nextTimeOfDay(time, from, timeZone) : null;
}

/** The next instant after `from` at which a wall clock in `timeZone` reads `time`. */
export function nextTimeOfDay(time: TimeOfDay, from: Date, timeZone: string): Date | null {
  const today = instantToLocal(from, timeZone);
  for (let dayOffset = 0; dayOffset <= 2; dayOffset++) {
    const candidate = localToInstant(
      {
        year: today.year,
        month: today.month,
        day: today.day + dayOffset,
        hour: time.hour,
        minute: time.minute,
      },
      timeZone,
    );
    if (candidate.getTime() > from.getTime()) return candidate;
  }
  return null;
}
