/** What opinion/ files: the 舆情台账 (.xlsx), on the desk and by `台账 舆情` in chat. */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";

export function sheetParts(_setting: OpinionSetting): OpinionParts {
  return {};
}
