/**
 * Which days a schedule runs on: `daily`, `workdays` (China's official calendar, 调休 included),
 * `weekends`, `holidays` (official public holidays), and date ranges such as `06-01..09-30` (汛期).
 * A list combines them: the kinds widen (weekends or holidays), the ranges narrow (workdays within
 * 06-01..09-30). Only the syntax lives here; the calendar is asked when a job fires.
 */
import { z } from "zod";

export const DAY_KINDS = ["daily", "workdays", "weekends", "holidays"] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** A yearly range of month-days, inclusive; `from` after `to` wraps over the new year (12-01..02-28). */
export interface MonthDayRange {
  from: { month: number; day: number };
  to: { month: number; day: number };
}

export interface DayRule {
  /** Empty means every day (within the ranges). */
  kinds: DayKind[];
  ranges: MonthDayRange[];
  /** The rule as written, e.g. `["workdays", "06-01..09-30"]`. */
  source: string[];
}

const RANGE = /^(\d{2})-(\d{2})\.\.(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function monthDay(month: number, day: number): { month: number; day: number } | null {
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0)
    ? { month, day }
    : null;
}

/** A day rule from its written parts, or the Chinese reason it is not one. */
export function parseDayRule(parts: readonly string[]): DayRule | string {
  const kinds: DayKind[] = [];
  const ranges: MonthDayRange[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    if ((DAY_KINDS as readonly string[]).includes(part)) {
      kinds.push(part as DayKind);
      continue;
    }
    const m = RANGE.exec(part);
    const from = m && monthDay(Number(m[1]), Number(m[2]));
    const to = m && monthDay(Number(m[3]), Number(m[4]));
    if (!from || !to)
      return `「${part}」不是有效的日期规则，可写 daily、workdays、weekends、holidays 或 06-01..09-30 这样的日期范围`;
    ranges.push({ from, to });
  }
  if (parts.length === 0) return "至少写一条日期规则，例如 daily";
  return { kinds: kinds.includes("daily") ? [] : kinds, ranges, source: [...parts] };
}

/** `days` in config: one rule or a list of them. */
export const dayRuleSchema = z.union([z.string(), z.array(z.string())]).transform((value, ctx) => {
  const rule = parseDayRule(typeof value === "string" ? [value] : value);
  if (typeof rule === "string") {
    ctx.addIssue({ code: "custom", message: rule });
    return z.NEVER;
  }
  return rule;
});
