/**
 * What daily/ files: the 零报告台账 of a month (.xlsx), on the desk and by `台账 零报告` in chat.
 * The word `台账` is shared (督办 and 舆情 claim theirs with `owns`); this one takes the rest: 零报告,
 * and a bare `台账` or an unknown second word, answered with a line naming the three.
 */
import type { CapabilityParts } from "../../../bot/core/capability.ts";
import { sendSheet } from "../../office/ledger-sheet/send-sheet.ts";
import type { DailyRules } from "../daily-rules.ts";
import { ledgerSheetMessages as M } from "../messages.ts";
import { zeroReportLedger } from "./zero-report-ledger.ts";

export function dailySheetParts(rules: DailyRules): CapabilityParts {
  const ledger = zeroReportLedger(rules);
  return {
    commands: [
      {
        names: ["台账"],
        summary: M.ledgerSummary,
        async run(ctx, args) {
          const words = args.trim();
          if (!words.startsWith(M.zeroReportWord)) return ctx.reply(M.usage);
          if (!rules.zeroReport) return ctx.reply(M.noRule);
          const month = words.slice(M.zeroReportWord.length).trim();
          await sendSheet(ctx, ledger, { month }, rules.timezone);
        },
      },
    ],
    desk: { documents: [ledger] },
  };
}
