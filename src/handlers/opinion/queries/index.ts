/** 舆情 — queries/: see ../index.ts. Filled in by its own change. */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";

export function queryParts(_setting: OpinionSetting): OpinionParts {
  return {};
}
