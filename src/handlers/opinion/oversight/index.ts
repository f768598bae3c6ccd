/** 舆情 — oversight/: see ../index.ts. Filled in by its own change. */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";

export function oversightParts(_setting: OpinionSetting): OpinionParts {
  return {};
}
