/** What daily/ files: the 零报告台账 of a month (.xlsx), on the desk and by `台账 零报告` in chat. */
import type { CapabilityParts } from "../../../bot/core/capability.ts";
import type { DailyRules } from "../daily-rules.ts";

export function dailySheetParts(_rules: DailyRules): CapabilityParts {
  return {};
}
