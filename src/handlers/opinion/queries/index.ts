/**
 * What queries/ contributes to the 舆情 capability: 查询 Y2026-0001 and the `opinion-digest` job
 * (舆情日报). The 日报 and 统计 sections read this folder one way (digest-section.ts,
 * item-statistics.ts, item-statistics-field.ts).
 */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";
import { itemQueryCommand } from "./item-query-command.ts";
import { opinionDigestJob } from "./opinion-digest-job.ts";

export function queryParts(setting: OpinionSetting): OpinionParts {
  return { commands: [itemQueryCommand(setting)], jobs: [opinionDigestJob(setting)] };
}
