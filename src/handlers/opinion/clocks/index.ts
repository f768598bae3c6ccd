/** 舆情 — clocks/: see ../index.ts. Filled in by its own change. */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";

export function clockParts(_setting: OpinionSetting): OpinionParts {
  return {};
}
