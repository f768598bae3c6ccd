/** What the daily round reads of the office's set-up: its time zone and roster, and the zero-report rule. */
import type { ZeroReportPolicy } from "../../config/zero-report-policy.ts";
import type { Office } from "../office/office.ts";

export interface DailyRules extends Office {
  /** Which units owe a daily zero report, when, by which cut-off (absent: none are asked for). */
  zeroReport?: ZeroReportPolicy;
}
