/** Times as transcripts write them: `2026-03-02 09:00` in the policy's zone, ISO with offset, `until 17:00`. */
import { localToInstant, zoneOffsetMinutes } from "../bot/core/wall-clock.ts";
import { parseDuration } from "../config/duration.ts";

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
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  if (
    !isValidWallClock(
      year as number,
      month as number,
      day as number,
      hour as number,
      minute as number,
      second as number,
    )
  )
    return null;
  return localToInstant(
    {
      year: year as number,
      month: month as number,
      day: day as number,
      hour: hour as number,
      minute: minute as number,
      second,
    },
    timeZone,
  );
}

/** The next instant after `from` whose wall clock reads `HH:MM` (or a full date-time). */
export function nextWallClock(target: string, from: Date, timeZone: string): Date | null {
  const full = parseDateTime(target, timeZone);
  if (full) return full;
  const m = /^(\d{1,2}):(\d{2})$/.exec(target.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  const local = new Date(from.getTime() + zoneOffsetMinutes(from, timeZone) * 60_000);
  for (let dayOffset = 0; dayOffset <= 2; dayOffset++) {
    const candidate = localToInstant(
      {
        year: local.getUTCFullYear(),
        month: local.getUTCMonth() + 1,
        day: local.getUTCDate() + dayOffset,
        hour: Number(m[1]),
        minute: Number(m[2]),
      },
      timeZone,
    );
    if (candidate.getTime() > from.getTime()) return candidate;
  }
  return null;
}

/** Whether the fields name a real wall-clock time (no 2月30日, no 25:00). */
function isValidWallClock(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
) {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59
  );
}

export { localToInstant, parseDuration, zoneOffsetMinutes };
