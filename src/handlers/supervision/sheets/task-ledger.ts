/**
 * The `task-ledger` document: the 督办台账 of this year — every task assigned this year, open or
 * closed, and any older task still open — one row per unit's part, with its light. Leaders, the
 * duty office and admins may have it.
 */
import type { DeskDocument } from "../../../bot/core/desk.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { mayHaveOfficeDocuments } from "../../office/desk-viewer.ts";
import { ledgerYear } from "../../office/ledger-sheet/ledger-command.ts";
import { ledgerWorkbook } from "../../office/ledger-sheet/ledger-sheet.ts";
import { sheetMaker } from "../../office/ledger-sheet/send-sheet.ts";
import type { Office } from "../../office/office.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import { PART_COLUMNS } from "../queries/ledger-load.ts";
import { taskSheetMessages as M } from "./messages.ts";
import { TASK_LEDGER_COLUMNS, taskLedgerRows } from "./task-ledger-rows.ts";

export const TASK_LEDGER_ID = "task-ledger";

export function taskLedger(rules: TasksPolicy, office: Office): DeskDocument {
  const { timezone } = office;
  return {
    id: TASK_LEDGER_ID,
    title: M.documentTitle,
    params: [],
    async produce(ctx) {
      if (!mayHaveOfficeDocuments(ctx.viewer)) return null;
      const { year, yearStart } = ledgerYear(ctx.now, timezone);
      const tasks = await ctx.services.database.supervisionTask.findMany({
        where: { OR: [{ createdAt: { gte: yearStart } }, { status: "open" }] },
        select: {
          number: true,
          content: true,
          assignerId: true,
          createdAt: true,
          parts: {
            select: {
              ...PART_COLUMNS,
              extensions: true,
              lastProgress: true,
              lastProgressAt: true,
            },
            orderBy: { id: "asc" },
          },
        },
        orderBy: [{ createdAt: "asc" }, { number: "asc" }],
      });
      const { directory } = ctx.services;
      const rows = taskLedgerRows(tasks, {
        now: ctx.now,
        remindBeforeMs: rules.remind_before,
        unitName: (id) => directory.unitName(id),
        personName: (id) => directory.personName(id),
        time: (at) => formatLocalTime(at, timezone),
      });
      return ledgerWorkbook(
        {
          name: M.sheetName,
          title: M.title(year),
          ...sheetMaker(ctx, timezone),
          columns: TASK_LEDGER_COLUMNS,
          rows,
          note: M.note,
        },
        M.fileName(year),
        ctx.now,
      );
    },
  };
}
