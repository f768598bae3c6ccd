/** 续报, 终报 and 要求续报: the dialogs, jobs and button verbs the incident capability registers (its commands are in follow-up-commands.ts and request-follow-up.ts). */
import type { ActionHandler, JobHandler } from "../../../bot/core/capability.ts";
import type { DialogDefinition } from "../../../bot/core/dialog/definition.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { finalReportDialog } from "./final-report-dialog.ts";
import { followUpDialog } from "./follow-up-dialog.ts";
import { reportCardJob } from "./report-card-job.ts";
import { requestFollowUpButton } from "./request-follow-up.ts";

// biome-ignore lint/suspicious/noExplicitAny: a registry holds dialogs of every data shape
export const followUpDialogs = (rules: IncidentPolicy): DialogDefinition<any>[] => [
  followUpDialog(rules),
  finalReportDialog(rules),
];
export const followUpJobs = (rules: IncidentPolicy | undefined): JobHandler[] => [reportCardJob(rules)];
/** Verbs of incident card buttons (`inc:<verb>:<id>`). */
export const followUpVerbs = (rules: IncidentPolicy | undefined): Record<string, ActionHandler["run"]> => ({
  followup: requestFollowUpButton(rules),
});
