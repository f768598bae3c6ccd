/** What statistics/ files as spreadsheets: 统计 for a period (.xlsx), on the desk and by `统计表` in chat. */
import type { CapabilityParts } from "../../../bot/core/capability.ts";

export function statisticsSheetParts(_timezone: string): CapabilityParts {
  return {};
}
