/** What opinion/ files: the 舆情台账 (.xlsx), on the desk and by `台账 舆情` in chat. */
import { ledgerCommand } from "../../office/ledger-sheet/ledger-command.ts";
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";
import { opinionSheetMessages as M } from "./messages.ts";
import { opinionLedger } from "./opinion-ledger.ts";

export function sheetParts(setting: OpinionSetting): OpinionParts {
  const ledger = opinionLedger(setting);
  return {
    commands: [ledgerCommand(M, ledger, setting.office.timezone)],
    desk: { documents: [ledger] },
  };
}
