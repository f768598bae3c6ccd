/**
 * The new deadline of a 申请延期, read from the start of what the unit typed: `12月10日前`,
 * `12月10日17时前`, `2026-12-10`, `明天12时前`, `后天下班前` (a day without a time falls at the
 * policy's `default_deadline`). A stand-in until the 交办 deadline phrases are shared (assign/):
 * the coordinator may point {@link readNewDeadline} at that rule.
 */
import {
  addCivilDays,
  type CivilDate,
  instantToLocal,
  isRealDate,
  localToInstant,
} from "../../../bot/core/wall-clock.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";

/** A deadline read from the start of `text`, and what follows it (the reason). */
export interface ReadDeadline {
  dueAt: Date;
  rest: string;
}

// Each: the day, then an optional time (17时, 17时30分, 17点, 17:30, 下班), then an optional 前.
const FULL_DATE =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?(?:\s*(\d{1,2})(?:[时点](?:(\d{1,2})分?)?|:(\d{2}))|\s*(下班))?\s*(?:前|之前|以前)?/;
const MONTH_DAY =
  /^(\d{1,2})月(\d{1,2})[日号](?:\s*(\d{1,2})(?:[时点](?:(\d{1,2})分?)?|:(\d{2}))|\s*(下班))?\s*(?:前|之前|以前)?/;
const RELATIVE =
  /^(今天|今日|明天|明日|后天)(?:\s*(\d{1,2})(?:[时点](?:(\d{1,2})分?)?|:(\d{2}))|\s*(下班))?\s*(?:前|之前|以前)?/;
const OFFSETS: Record<string, number> = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2 };

/**
 * The deadline at the start of `text` as of `now`, in the office's `timezone`; null when the text
 * does not start with one (or names a day or time that does not exist). A month and day already
 * past this year mean next year's.
 */
export function readNewDeadline(
  text: string,
  now: Date,
  rules: Pick<TasksPolicy, "default_deadline">,
  timezone: string,
): ReadDeadline | null {
  const trimmed = text.trim();
  const today = instantToLocal(now, timezone);
  const found = dayAt(trimmed, today);
  if (!found) return null;
  const { day, match, timeAt } = found;
  const hourText = match[timeAt];
  const minuteText = match[timeAt + 1] ?? match[timeAt + 2];
  const time =
    hourText === undefined
      ? rules.default_deadline
      : { hour: Number(hourText), minute: minuteText === undefined ? 0 : Number(minuteText) };
  if (!isRealDate(day.year, day.month, day.day) || time.hour > 23 || time.minute > 59) return null;
  const dueAt = localToInstant({ ...day, ...time }, timezone);
  return { dueAt, rest: trimmed.slice(match[0].length).replace(/^[\s，,。:：]+/, "") };
}

/** The day the text starts with, its match, and where the time's groups begin in it. */
function dayAt(
  text: string,
  today: CivilDate,
): { day: CivilDate; match: RegExpExecArray; timeAt: number } | null {
  const full = FULL_DATE.exec(text);
  if (full)
    return {
      day: { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) },
      match: full,
      timeAt: 4,
    };
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay) {
    const day = { year: today.year, month: Number(monthDay[1]), day: Number(monthDay[2]) };
    // A month and day already past this year: next year's.
    if (day.month < today.month || (day.month === today.month && day.day < today.day)) day.year += 1;
    return { day, match: monthDay, timeAt: 3 };
  }
  const relative = RELATIVE.exec(text);
  if (relative)
    return { day: addCivilDays(today, OFFSETS[relative[1] ?? ""] ?? 0), match: relative, timeAt: 2 };
  return null;
}
