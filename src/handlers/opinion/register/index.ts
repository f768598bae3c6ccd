/**
 * 舆情 — register/: `舆情` (the open list, then the 登记 dialog; or the dialog from a paragraph),
 * filing on 确认登记 with the item's clocks, and the alert job that brings the item to the duty
 * office, the leaders and the responsible unit (re-armed from the database on a timer rebuild).
 */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";
import { alertJob } from "./alert-job.ts";
import { rebuildAlerts } from "./rebuild-alerts.ts";
import { registerCommand } from "./register-command.ts";
import { registerDialog } from "./register-dialog.ts";

export function registerParts(setting: OpinionSetting): OpinionParts {
  return {
    commands: [registerCommand(setting)],
    dialogs: [registerDialog(setting)],
    jobs: [alertJob(setting)],
    rebuildTimers: rebuildAlerts,
  };
}
