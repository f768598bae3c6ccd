/** Times as transcripts write them: `2026-03-02 09:00` in the policy's zone, ISO with offset, `until 17:00`. */
import { parseDuration } from "../config/duration.ts";

/** The UTC offset of a zone at an instant, in minutes (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** A wall-clock date-time in a zone to the instant it names. */
export function localToInstant(
  fields: { year: number; month: number; day: number; hour: number; minute: number; second?: number },
  timeZone: string,
): Date {
  const naive = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second ?? 0,
  );
  let instant = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
  instant = naive - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

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

export { parseDuration };
