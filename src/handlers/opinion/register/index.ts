/** 舆情 — register/: see ../index.ts. Filled in by its own change. */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";

export function registerParts(_setting: OpinionSetting): OpinionParts {
  return {};
}
