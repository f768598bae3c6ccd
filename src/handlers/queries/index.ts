/**
 * Looking things up (查询, 进行中, 我的上报): reads incidents and their instructions one way, as the
 * digest and statistics do; nothing in incident or instruction reads back from here.
 */
import type { Capability } from "../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { myReportsCommand } from "./my-reports-command.ts";
import { openIncidentsCommand } from "./open-incidents-command.ts";
import { queryCommand } from "./query-command.ts";

/** Without incident rules its commands answer that reporting is not configured (and stay in 帮助). */
export function queriesCapability(rules: IncidentPolicy | undefined): Capability {
  return {
    name: "queries",
    commands: [queryCommand(rules), openIncidentsCommand(rules), myReportsCommand(rules)],
  };
}
