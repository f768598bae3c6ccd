/** The day a zero-report job is for, and its times, from the instant the schedule was due. */
import type { BotServices } from "../../bot/core/services.ts";
import { localDayString } from "../../bot/core/wall-clock.ts";
import { formatTimeOfDay } from "../../config/time-of-day.ts";
import type { ZeroReportPolicy } from "../../config/zero-report-policy.ts";
import { instantOnDay } from "../office/days.ts";

export interface ZeroReportDay {
  rule: ZeroReportPolicy;
  day: string;
  dayStart: Date;
  cutoff: Date;
  /** `17:00` */
  cutoffText: string;
}

export function zeroReportDay(
  { policy, zeroReport: rule }: Pick<BotServices, "policy" | "zeroReport">,
  at: Date,
): ZeroReportDay | undefined {
  if (!rule) return undefined;
  const day = localDayString(at, policy.timezone);
  return {
    rule,
    day,
    dayStart: instantOnDay(day, { hour: 0, minute: 0 }, policy.timezone),
    cutoff: instantOnDay(day, rule.cutoff, policy.timezone),
    cutoffText: formatTimeOfDay(rule.cutoff),
  };
}
