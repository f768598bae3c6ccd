/** What supervision/ files: the 督办台账 with lights (.xlsx), on the desk and by `台账 督办` in chat. */
import type { CapabilityParts } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { ledgerCommand } from "../../office/ledger-sheet/ledger-command.ts";
import type { Office } from "../../office/office.ts";
import { taskSheetMessages as M } from "./messages.ts";
import { taskLedger } from "./task-ledger.ts";

export function sheetParts(rules: TasksPolicy, office: Office): CapabilityParts {
  const ledger = taskLedger(rules, office);
  return {
    commands: [ledgerCommand(M, ledger, office.timezone)],
    desk: { documents: [ledger] },
  };
}
