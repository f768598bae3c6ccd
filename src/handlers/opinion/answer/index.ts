/** 舆情 — answer/: see ../index.ts. Filled in by its own change. */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";

export function answerParts(_setting: OpinionSetting): OpinionParts {
  return {};
}
