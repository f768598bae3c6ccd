/**
 * What queries/ contributes to the 督查督办 capability: the 督办 ledger (督办, 督办 逾期) and
 * 查询 D2026-0001. The 日报, 统计 and 通报 sections read this folder's facts (task-digest-facts.ts,
 * task-statistics.ts); the overdue sweep's query is overdue-parts.ts.
 */

import type { CapabilityParts } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import { ledgerCommand } from "./ledger-command.ts";
import { taskQueryCommand } from "./task-query-command.ts";

export function queryParts(rules: TasksPolicy, office: Office): CapabilityParts {
  return { commands: [ledgerCommand(rules, office), taskQueryCommand(rules, office)] };
}
