/** What statistics/ files as spreadsheets: 统计 for a period (.xlsx), on the desk and by `统计表` in chat. */
import type { CapabilityParts } from "../../../bot/core/capability.ts";
import { sendSheet } from "../../office/ledger-sheet/send-sheet.ts";
import { statisticsMessages as M } from "../messages.ts";
import { statisticsSheet } from "./statistics-sheet.ts";

export function statisticsSheetParts(timezone: string): CapabilityParts {
  const sheet = statisticsSheet(timezone);
  return {
    commands: [
      {
        names: ["统计表"],
        summary: M.sheetSummary,
        run: (ctx, args) => sendSheet(ctx, sheet, { period: args.trim() }, timezone),
      },
    ],
    desk: { documents: [sheet] },
  };
}
