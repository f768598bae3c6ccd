/**
 * 督查督办 (supervision): leaders' assignments followed through — 交办 (assign/), the units' 签收,
 * 反馈, 申请延期, 申请办结 and the assigner's answers (actions/), the clocks: signing, 催办, 督办,
 * 催报 (clocks/), and the 督办 lists and 查询 (queries/). Its rules are the policy's `tasks:` slice.
 */
import { type Capability, type CapabilityParts, joinParts } from "../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import type { TasksPolicy } from "../../config/tasks-policy.ts";
import type { Office } from "../office/office.ts";
import { partActionParts } from "./actions/index.ts";
import { assignParts } from "./assign/index.ts";
import { clockParts } from "./clocks/index.ts";
import { deskParts } from "./desk/index.ts";
import { queryParts } from "./queries/index.ts";
import { sheetParts } from "./sheets/index.ts";

/** The capability under the office's `tasks:` rules; `incident`: the incident rules, for 转督办 from a 批示. */
export function supervisionCapability(
  rules: TasksPolicy,
  office: Office,
  incident: IncidentPolicy | undefined,
): Capability {
  const parts: CapabilityParts[] = [
    assignParts(rules, office, incident),
    partActionParts(rules, office),
    clockParts(rules, office),
    queryParts(rules, office),
    deskParts(rules, office),
    sheetParts(rules, office),
  ];
  return joinParts("supervision", parts);
}
