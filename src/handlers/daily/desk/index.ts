/** What daily/ brings to the duty desk: today's 零报告 as a grid of units × state. */
import type { DeskParts } from "../../../bot/core/desk.ts";
import type { DailyRules } from "../daily-rules.ts";

export function dailyDesk(_rules: DailyRules): DeskParts {
  return {};
}
