/** The day a zero-report job is for, and its times, from the instant the schedule was due. */
import { localDayString } from "../../bot/core/wall-clock.ts";
import { formatTimeOfDay } from "../../config/time-of-day.ts";
import type { ZeroReportPolicy } from "../../config/zero-report-policy.ts";
import { instantOnDay } from "../office/days.ts";
import type { DailyRules } from "./daily-rules.ts";

export interface ZeroReportDay {
  rule: ZeroReportPolicy;
  day: string;
  dayStart: Date;
  cutoff: Date;
  /** `17:00` */
  cutoffText: string;
}

export function zeroReportDay(
  { timezone, zeroReport: rule }: Pick<DailyRules, "timezone" | "zeroReport">,
  at: Date,
): ZeroReportDay | undefined {
  if (!rule) return undefined;
  const day = localDayString(at, timezone);
  return {
    rule,
    day,
    dayStart: instantOnDay(day, { hour: 0, minute: 0 }, timezone),
    cutoff: instantOnDay(day, rule.cutoff, timezone),
    cutoffText: formatTimeOfDay(rule.cutoff),
  };
}
