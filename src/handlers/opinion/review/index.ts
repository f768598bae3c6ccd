/** 舆情 — review/: see ../index.ts. Filled in by its own change. */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";

export function reviewParts(_setting: OpinionSetting): OpinionParts {
  return {};
}
