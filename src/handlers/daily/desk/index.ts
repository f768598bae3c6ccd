/** What daily/ brings to the duty desk: today's 零报告 as a grid of units × state. */
import type { DeskParts } from "../../../bot/core/desk.ts";
import type { DailyRules } from "../daily-rules.ts";
import { zeroReportPanel } from "./zero-report-panel.ts";

export function dailyDesk(rules: DailyRules): DeskParts {
  return { panels: [zeroReportPanel(rules)] };
}
