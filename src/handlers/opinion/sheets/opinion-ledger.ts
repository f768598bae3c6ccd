/**
 * The `opinion-ledger` document: the 舆情台账 of this year — every item registered this year, open
 * or closed, and any older item still open — one row per item. Leaders, the duty office and admins
 * may have it.
 */
import type { DeskDocument } from "../../../bot/core/desk.ts";
import { mayHaveOfficeDocuments } from "../../office/desk-viewer.ts";
import { ledgerYear } from "../../office/ledger-sheet/ledger-command.ts";
import { ledgerWorkbook } from "../../office/ledger-sheet/ledger-sheet.ts";
import { sheetMaker } from "../../office/ledger-sheet/send-sheet.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { opinionSheetMessages as M } from "./messages.ts";
import { OPINION_LEDGER_COLUMNS, opinionLedgerRows } from "./opinion-ledger-rows.ts";

export const OPINION_LEDGER_ID = "opinion-ledger";

export function opinionLedger(setting: OpinionSetting): DeskDocument {
  const { timezone } = setting.office;
  return {
    id: OPINION_LEDGER_ID,
    title: M.documentTitle,
    params: [],
    async produce(ctx) {
      if (!mayHaveOfficeDocuments(ctx.viewer)) return null;
      const { year, yearStart } = ledgerYear(ctx.now, timezone);
      const items = await ctx.services.database.opinionItem.findMany({
        where: { OR: [{ registeredAt: { gte: yearStart } }, { status: "open" }] },
        orderBy: [{ registeredAt: "asc" }, { id: "asc" }],
      });
      const { directory } = ctx.services;
      const rows = opinionLedgerRows(items, {
        now: ctx.now,
        unitName: (id) => directory.unitName(id),
        levelName: (id) => setting.rules.levels.find((l) => l.id === id)?.name ?? id,
        time: (at) => formatLocalTime(at, timezone),
      });
      return ledgerWorkbook(
        {
          name: M.sheetName,
          title: M.title(year),
          ...sheetMaker(ctx, timezone),
          columns: OPINION_LEDGER_COLUMNS,
          rows,
          note: M.note,
        },
        M.fileName(year),
        ctx.now,
      );
    },
  };
}
