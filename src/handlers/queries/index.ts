/** 查询, 进行中 and 我的上报: what the incident capability registers for looking things up. */
import type { Command } from "../../bot/core/capability.ts";
import { myReportsCommand } from "./my-reports-command.ts";
import { openIncidentsCommand } from "./open-incidents-command.ts";
import { queryCommand } from "./query-command.ts";

export const queryCommands: Command[] = [queryCommand, openIncidentsCommand, myReportsCommand];
