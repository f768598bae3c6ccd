/**
 * What assign/ contributes to the 督查督办 capability: `交办` (dialog and one-line form), 转督办 from
 * a 批示 (button and typed), filing with the parts' clocks, and the notify job that brings the task
 * card to each unit.
 */

import type { CapabilityParts } from "../../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import { assignCommand } from "./assign-command.ts";
import { assignDialog } from "./assign-dialog.ts";
import { convertAction, convertCommand } from "./convert-command.ts";
import { notifyJob } from "./notify-job.ts";

export function assignParts(
  rules: TasksPolicy,
  office: Office,
  incident: IncidentPolicy | undefined,
): CapabilityParts {
  return {
    commands: [assignCommand(rules), convertCommand(rules, office)],
    actions: [convertAction(rules)],
    dialogs: [assignDialog(rules, office, incident)],
    jobs: [notifyJob(office)],
  };
}
