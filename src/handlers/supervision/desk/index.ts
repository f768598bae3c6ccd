/** What supervision/ brings to the duty desk: the 督办 panel with lights, a task's page and the on-time chart. */
import type { CapabilityParts } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import { taskOnTimeDeskChart } from "./task-on-time-chart.ts";
import { taskItemPage } from "./task-page.ts";
import { tasksPanel } from "./tasks-panel.ts";

export function deskParts(rules: TasksPolicy, office: Office): CapabilityParts {
  return {
    desk: {
      panels: [tasksPanel(rules, office)],
      charts: [taskOnTimeDeskChart(office)],
      itemPages: [taskItemPage(rules, office)],
    },
  };
}
