/**
 * The board's `tasks` panel: the open 督办 tasks with their lights, as the `督办` command lists them
 * and to the same people — leaders and the duty office every unit's, anyone else their own unit's
 * open parts. The count is the open tasks.
 */
import type { DeskPanel } from "../../../bot/core/desk.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import { shortLocalTime } from "../../office/time-format.ts";
import { loadLedger } from "../queries/ledger-load.ts";
import { seesAllTasks } from "../queries/task-access.ts";
import { taskDeskMessages as M } from "./messages.ts";
import { taskTable } from "./task-rows.ts";

export const TASKS_PANEL = "tasks";

/** Tasks the panel lists (a county's open tasks fit; the count says how many there are). */
export const PANEL_TASKS = 200;

export function tasksPanel(rules: TasksPolicy, office: Office): DeskPanel {
  return {
    id: TASKS_PANEL,
    order: 30,
    async load({ services, viewer, now }) {
      const { database, directory } = services;
      const all = seesAllTasks(viewer);
      const ledger = await loadLedger(database, {
        ...(all ? {} : { unitId: viewer.unit }),
        overdueOnly: false,
        now,
        limit: PANEL_TASKS,
      });
      const view = {
        now,
        remindBeforeMs: rules.remind_before,
        unitName: (id: string) => directory.unitName(id),
        time: (at: Date) => shortLocalTime(at, now, office.timezone),
      };
      const empty = all ? M.noneOpen : M.noneOpenOfUnit(directory.unitName(viewer.unit));
      return {
        id: TASKS_PANEL,
        title: M.panelTitle,
        count: ledger.total,
        blocks: [taskTable(ledger.tasks, view, empty)],
      };
    },
  };
}
