/**
 * The desk's `task` page (`/desk/items/task/<task id>`): for whoever may 查询 the task (leaders and
 * the duty office, the assigner, the units with a part); null for anyone else or no such task.
 * The 督办台账 is offered to leaders, the duty office and admins.
 */
import type { DeskDocumentLink, DeskItemPage } from "../../../bot/core/desk.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { deskActionChat, mayHaveOfficeDocuments } from "../../office/desk-viewer.ts";
import type { Office } from "../../office/office.ts";
import { formatLocalTime, shortLocalTime } from "../../office/time-format.ts";
import { canViewTask } from "../queries/task-access.ts";
import { TaskStore } from "../task-store.ts";
import { taskDeskMessages as M } from "./messages.ts";
import { taskActions } from "./task-page-actions.ts";
import { taskPage } from "./task-page-view.ts";
import { TASK_ITEM_KIND } from "./task-rows.ts";

/** The 督办台账's document id (supervision/sheets). */
export const TASK_LEDGER_DOCUMENT = "task-ledger";

export function taskItemPage(rules: TasksPolicy, office: Office): DeskItemPage {
  return {
    kind: TASK_ITEM_KIND,
    async load({ services, viewer, now }, id) {
      if (!/^\d{1,9}$/.test(id)) return null;
      const { database, directory } = services;
      const store = new TaskStore(database);
      const task = await store.byId(Number(id));
      if (!task || !canViewTask(viewer, task)) return null;
      const unitName = (unitId: string) => directory.unitName(unitId);
      const chatId = deskActionChat(directory, viewer.id);
      const documents: DeskDocumentLink[] = mayHaveOfficeDocuments(viewer)
        ? [{ documentId: TASK_LEDGER_DOCUMENT, label: M.ledgerDocument, params: {} }]
        : [];
      return taskPage(
        task,
        await store.timeline(task.id),
        {
          now,
          remindBeforeMs: rules.remind_before,
          unitName,
          personName: (personId) => directory.personName(personId),
          fullTime: (at) => formatLocalTime(at, office.timezone),
          time: (at) => shortLocalTime(at, now, office.timezone),
        },
        task.status === "closed" ? [] : taskActions(task, viewer, rules, chatId, unitName),
        documents,
      );
    },
  };
}
