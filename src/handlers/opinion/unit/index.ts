/** 舆情 — unit/: see ../index.ts. Filled in by its own change. */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";

export function unitParts(_setting: OpinionSetting): OpinionParts {
  return {};
}
