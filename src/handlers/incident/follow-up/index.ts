/** 续报, 终报 and 要求续报: what the incident capability registers for follow-up and final reports. */
import type { ActionHandler, Command, JobHandler } from "../../../bot/core/capability.ts";
import type { DialogDefinition } from "../../../bot/core/dialog/definition.ts";
import { finalReportDialog } from "./final-report-dialog.ts";
import { finalReportCommand, followUpCommand } from "./follow-up-commands.ts";
import { followUpDialog } from "./follow-up-dialog.ts";
import { reportCardJob } from "./report-card-job.ts";
import { requestFollowUpButton, requestFollowUpCommand } from "./request-follow-up.ts";

export const followUpCommands: Command[] = [followUpCommand, finalReportCommand, requestFollowUpCommand];
// biome-ignore lint/suspicious/noExplicitAny: a registry holds dialogs of every data shape
export const followUpDialogs: DialogDefinition<any>[] = [followUpDialog, finalReportDialog];
export const followUpJobs: JobHandler[] = [reportCardJob];
/** Verbs of incident card buttons (`inc:<verb>:<id>`). */
export const followUpVerbs: Record<string, ActionHandler["run"]> = { followup: requestFollowUpButton };
