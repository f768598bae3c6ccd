/**
 * The `statistics-sheet` document: the 统计 of a period as a spreadsheet, every unit that reports
 * (and any other with figures), read with the same queries as the 统计 card. Leaders, the duty
 * office and admins may have it.
 */
import { type DeskDocument, DocumentParamError } from "../../../bot/core/desk.ts";
import { mayHaveOfficeDocuments } from "../../office/desk-viewer.ts";
import { ledgerWorkbook } from "../../office/ledger-sheet/ledger-sheet.ts";
import { sheetMaker } from "../../office/ledger-sheet/send-sheet.ts";
import { itemStatistics, loadItemStatistics } from "../../opinion/queries/item-statistics.ts";
import { opinionQueryMessages } from "../../opinion/queries/messages.ts";
import { taskQueryMessages } from "../../supervision/queries/messages.ts";
import { loadTaskStatistics, taskStatistics } from "../../supervision/queries/task-statistics.ts";
import { statisticsMessages as M } from "../messages.ts";
import { parsePeriod } from "../period.ts";
import { reportingUnits } from "../reporting-units.ts";
import { loadStatisticsFacts } from "../statistics-facts.ts";
import { totalStatistics, unitStatistics } from "../unit-statistics.ts";
import { STATISTICS_COLUMNS, statisticsSheetRows } from "./statistics-sheet-rows.ts";

export const STATISTICS_SHEET_ID = "statistics-sheet";

export function statisticsSheet(timezone: string): DeskDocument {
  return {
    id: STATISTICS_SHEET_ID,
    title: M.sheetDocumentTitle,
    params: [{ name: "period", label: M.sheetParamLabel, example: M.sheetParamExample }],
    async produce(ctx, params) {
      if (!mayHaveOfficeDocuments(ctx.viewer)) return null;
      const parsed = parsePeriod(params.period ?? "", ctx.now, timezone);
      if (!parsed.ok)
        throw new DocumentParamError("period", parsed.reason === "future" ? M.futurePeriod : M.badPeriod);
      const { period } = parsed;
      const { database, directory } = ctx.services;
      const [facts, taskFacts, items] = await Promise.all([
        loadStatisticsFacts(database, period),
        loadTaskStatistics(database, period, ctx.now),
        loadItemStatistics(database, period),
      ]);
      const reporting = reportingUnits(directory);
      const tasks = taskStatistics(reporting, taskFacts);
      const opinions = itemStatistics(reporting, items);
      // A unit with 督办 or 舆情 figures only still gets its row.
      const ids = [...reporting];
      for (const row of [...tasks, ...opinions]) if (!ids.includes(row.unitId)) ids.push(row.unitId);
      const { rows, totals } = statisticsSheetRows({
        units: unitStatistics(ids, facts),
        total: totalStatistics(facts),
        tasks,
        opinions,
        unitName: (id) => directory.unitName(id),
      });
      return ledgerWorkbook(
        {
          name: M.sheetName,
          title: M.sheetTitle(period.label),
          ...sheetMaker(ctx, timezone),
          columns: STATISTICS_COLUMNS,
          rows,
          totals,
          note: `${M.statsNote}${taskQueryMessages.statisticsNote}${opinionQueryMessages.statisticsNote}`,
        },
        M.sheetFileName(period.label),
        ctx.now,
      );
    },
  };
}
