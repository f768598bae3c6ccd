/**
 * Looking things up (查询, 进行中, 我的上报): reads incidents and their instructions one way, as the
 * digest and statistics do; nothing in incident or instruction reads back from here.
 */
import type { Capability } from "../../bot/core/capability.ts";
import { myReportsCommand } from "./my-reports-command.ts";
import { openIncidentsCommand } from "./open-incidents-command.ts";
import { queryCommand } from "./query-command.ts";

export const queriesCapability: Capability = {
  name: "queries",
  commands: [queryCommand, openIncidentsCommand, myReportsCommand],
};
