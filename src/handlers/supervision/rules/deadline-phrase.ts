/**
 * The deadline a 交办 names, as leaders write it: 今天17:00前, 今天下班前, 明天12时前, 后天, 本周五前,
 * 下周一前, 12月10日前, 12月10日17时前, 2026-12-10, 3个工作日内 (official workdays with 调休, the day
 * of the 交办 not counted). A day without a time falls at `default_deadline`; no deadline at all is
 * today at `default_deadline` (落实不过夜), or the next workday's when that has passed. Pure: the
 * text, now, the zone and the rules are inputs; the calendar is the office's official one.
 */
import { addCivilDays, type CivilDate, dayString, isRealDate } from "../../../bot/core/wall-clock.ts";
import type { TimeOfDay } from "../../../config/time-of-day.ts";
import { isOfficialWorkday } from "../../office/china-calendar.ts";
import { parseChineseNumber } from "../../office/chinese-number.ts";
import { instantOnDay, localDay } from "../../office/days.ts";
import { DEADLINE_PATTERN, DEADLINE_PREFIX } from "../understanding/deadline-words.ts";

/** What a deadline is read against. */
export interface DeadlineRules {
  timeZone: string;
  /** `tasks.default_deadline`: the time of 下班 and of a deadline given as a day. */
  defaultDeadline: TimeOfDay;
  /** Whether offices work on a local day (the official calendar by default). */
  isWorkday?: (day: string) => boolean;
}

/** The deadline rules of the policy's `tasks:` slice, read in the office's time zone. */
export function deadlineRules(rules: { default_deadline: TimeOfDay }, timeZone: string): DeadlineRules {
  return { timeZone, defaultDeadline: rules.default_deadline };
}

/** The deadline, or why the text names none that can be used. */
export type DeadlineResult =
  | { ok: true; at: Date }
  /** `unknown`: not a deadline; `noSuchDate`: 2月30日; `past`: already over (at says when). */
  | { ok: false; problem: "unknown" | "noSuchDate" }
  | { ok: false; problem: "past"; at: Date };

/** The most workdays a 个工作日 deadline may count. */
const MAX_WORKDAYS = 60;
/** A 月日 without a year this far behind today is next year's (12月20日 writing 1月5日前). */
const NEXT_YEAR_AFTER_DAYS = 180;
const DAY_MS = 86_400_000;

const WHOLE = new RegExp(`^${DEADLINE_PREFIX}${DEADLINE_PATTERN}$`);

/**
 * The deadline `text` names, read at `now`. A deadline at or before `now` comes back as `past`
 * with its instant, for the caller to name it.
 */
export function parseDeadline(text: string, now: Date, rules: DeadlineRules): DeadlineResult {
  const input = normalize(text);
  const m = input ? WHOLE.exec(input) : null;
  const g = m?.groups;
  if (!g || !hasSomething(g)) return { ok: false, problem: "unknown" };
  const today = localDay(now, rules.timeZone);
  const at = g.unit ? countedDeadline(g, today, rules) : dayAndTime(g, today, rules);
  if (at === null) return { ok: false, problem: "unknown" };
  if (at === "noSuchDate") return { ok: false, problem: "noSuchDate" };
  if (at.getTime() <= now.getTime()) return { ok: false, problem: "past", at };
  return { ok: true, at };
}

/** The most words a deadline written before other text may take (`12月10日 17时前 材料未齐`: two). */
const MAX_LEADING_WORDS = 3;

/**
 * The deadline written first in `text` (`12月12日前 材料未齐` → 12月12日 and `材料未齐`): the longest
 * run of its first words, up to three, that reads as a deadline; null when none does.
 */
export function readLeadingDeadline(
  text: string,
  now: Date,
  rules: DeadlineRules,
): { result: Exclude<DeadlineResult, { problem: "unknown" }>; rest: string } | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (let n = Math.min(MAX_LEADING_WORDS, words.length); n >= 1; n -= 1) {
    const result = parseDeadline(words.slice(0, n).join(" "), now, rules);
    if (result.ok || result.problem !== "unknown") return { result, rest: words.slice(n).join(" ") };
  }
  return null;
}

/**
 * The deadline of a 交办 that names none: today at `default_deadline`; once that has passed, the
 * next official workday's (`rolled` true, for the summary to say so).
 */
export function defaultDeadline(now: Date, rules: DeadlineRules): { at: Date; rolled: boolean } {
  const today = localDay(now, rules.timeZone);
  const at = instantOnDay(dayString(today), rules.defaultDeadline, rules.timeZone);
  if (at.getTime() > now.getTime()) return { at, rolled: false };
  return { at: atDefault(nthWorkdayAfter(today, 1, rules), rules), rolled: true };
}

/** The `n`th official workday after `from` (not counting `from`). */
export function nthWorkdayAfter(
  from: CivilDate,
  n: number,
  rules: Pick<DeadlineRules, "isWorkday">,
): CivilDate {
  const isWorkday = rules.isWorkday ?? isOfficialWorkday;
  let day = from;
  let counted = 0;
  while (counted < n) {
    day = addCivilDays(day, 1);
    if (isWorkday(dayString(day))) counted += 1;
  }
  return day;
}

function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ":")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[。.！!]+$/, "");
}

function hasSomething(g: Record<string, string | undefined>): boolean {
  return Object.values(g).some((v) => v !== undefined && v !== "");
}

function numberOf(text: string | undefined): number | null {
  return text === undefined ? null : parseChineseNumber(text);
}

function atDefault(day: CivilDate, rules: DeadlineRules): Date {
  return instantOnDay(dayString(day), rules.defaultDeadline, rules.timeZone);
}

/** N个工作日 (the day of the 交办 not counted) or N天, at `default_deadline`. */
function countedDeadline(g: Record<string, string | undefined>, today: CivilDate, rules: DeadlineRules) {
  const n = numberOf(g.n);
  if (n === null || n < 1 || n > MAX_WORKDAYS) return null;
  const day = g.unit === "工作日" ? nthWorkdayAfter(today, n, rules) : addCivilDays(today, n);
  return atDefault(day, rules);
}

function dayAndTime(
  g: Record<string, string | undefined>,
  today: CivilDate,
  rules: DeadlineRules,
): Date | "noSuchDate" | null {
  const day = dayOf(g, today);
  if (day === null || day === "noSuchDate") return day;
  const time = timeOf(g, rules);
  if (time === null) return null;
  return instantOnDay(dayString(day), time, rules.timeZone);
}

const REL_DAYS: Record<string, number> = {
  今天: 0,
  今日: 0,
  当天: 0,
  明天: 1,
  明日: 1,
  后天: 2,
  大后天: 3,
};
const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

function dayOf(g: Record<string, string | undefined>, today: CivilDate): CivilDate | "noSuchDate" | null {
  if (g.rel) return addCivilDays(today, REL_DAYS[g.rel] ?? 0);
  if (g.wd) return weekday(g.wd, g.week, today);
  if (g.iy) return dateOf(Number(g.iy), Number(g.im), Number(g.id));
  if (g.m) {
    const month = numberOf(g.m);
    const date = numberOf(g.d);
    if (month === null || date === null) return null;
    if (g.y) return dateOf(Number(g.y), month, date);
    const thisYear = dateOf(today.year, month, date);
    if (thisYear === "noSuchDate") return thisYear;
    const behind = (civilMs(today) - civilMs(thisYear)) / DAY_MS;
    return behind > NEXT_YEAR_AFTER_DAYS ? dateOf(today.year + 1, month, date) : thisYear;
  }
  if (g.od) {
    const date = numberOf(g.od);
    if (date === null) return null;
    const thisMonth = dateOf(today.year, today.month, date);
    if (thisMonth !== "noSuchDate" && civilMs(thisMonth) >= civilMs(today)) return thisMonth;
    const next = addCivilDays({ year: today.year, month: today.month, day: 1 }, 32);
    return dateOf(next.year, next.month, date);
  }
  if (g.end) return addCivilDays({ year: today.year, month: today.month + 1, day: 1 }, -1);
  return today;
}

/** 本周五 / 这周五: this week's (Monday first); 下周一: next week's; 周五 alone: the next one from today. */
function weekday(name: string, week: string | undefined, today: CivilDate): CivilDate | null {
  const wanted = WEEKDAYS[name] ?? (/^[1-7]$/.test(name) ? Number(name) : null);
  if (wanted === null) return null;
  const current = ((new Date(civilMs(today)).getUTCDay() + 6) % 7) + 1;
  if (week === "下") return addCivilDays(today, 7 - current + wanted);
  if (week) return addCivilDays(today, wanted - current);
  return addCivilDays(today, (wanted - current + 7) % 7);
}

function dateOf(year: number, month: number, day: number): CivilDate | "noSuchDate" {
  return isRealDate(year, month, day) ? { year, month, day } : "noSuchDate";
}

function civilMs(d: CivilDate): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

/** The time of day written, `default_deadline` for 下班 or none; null for a clock that does not exist. */
function timeOf(g: Record<string, string | undefined>, rules: DeadlineRules): TimeOfDay | null {
  if (g.noon) return { hour: 12, minute: 0 };
  if (g.h === undefined) return rules.defaultDeadline;
  let hour = numberOf(g.h);
  const minute = g.half ? 30 : g.mi !== undefined ? Number(g.mi) : g.mm !== undefined ? numberOf(g.mm) : 0;
  if (hour === null || minute === null) return null;
  if ((g.ap === "下午" || g.ap === "晚上") && hour < 12) hour += 12;
  if (g.ap === "中午" && hour < 6) hour += 12;
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return null;
  return hour === 24 ? { hour: 23, minute: 59 } : { hour, minute };
}
