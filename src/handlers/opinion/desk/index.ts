/** What opinion/ brings to the duty desk: the 舆情 panel with its clocks, an item's page and the answered-in-time chart. */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";

export function deskParts(_setting: OpinionSetting): OpinionParts {
  return {};
}
