/** What opinion/ files: the 舆情台账 (.xlsx), on the desk and by `台账 舆情` in chat. */
import { sendSheet } from "../../office/ledger-sheet/send-sheet.ts";
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";
import { opinionSheetMessages as M } from "./messages.ts";
import { opinionLedger } from "./opinion-ledger.ts";

export function sheetParts(setting: OpinionSetting): OpinionParts {
  const ledger = opinionLedger(setting);
  return {
    commands: [
      {
        names: ["台账"],
        summary: M.summary,
        owns: (_ctx, args) => args.trim().startsWith(M.word),
        async run(ctx, args) {
          if (args.trim() !== M.word) return ctx.reply(M.usage);
          await sendSheet(ctx, ledger, {}, setting.office.timezone);
        },
      },
    ],
    desk: { documents: [ledger] },
  };
}
