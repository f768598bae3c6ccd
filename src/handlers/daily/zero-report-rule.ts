/** Whether a local day is one on which the zero-report rule asks for reports. */
import type { ZeroReportPolicy } from "../../config/zero-report-policy.ts";
import { dayRuleMatches } from "../office/day-rule-match.ts";

export function owesZeroReport(rule: ZeroReportPolicy, day: string): boolean {
  return dayRuleMatches(rule.days, day);
}
