/**
 * Incident capability: 首报 (guided or from a paragraph), timing and completeness checks, alerts with
 * escalation, 已阅, 续报/终报/要求续报 (查询/进行中/我的上报 are the queries capability's).
 */
import type { Capability } from "../../bot/core/capability.ts";
import { acknowledgeButton, acknowledgeCommand, incidentActionHandler } from "./acknowledge-command.ts";
import { firstReportDialog } from "./first-report/first-report-dialog.ts";
import { followUpCommands, followUpDialogs, followUpJobs, followUpVerbs } from "./follow-up/index.ts";
import { ackCheckJob } from "./jobs/ack-check-job.ts";
import { alertJob } from "./jobs/alert-job.ts";
import { followUpCheckJob } from "./jobs/follow-up-check-job.ts";
import { renotifyJob } from "./jobs/renotify-job.ts";
import { writtenCheckJob } from "./jobs/written-check-job.ts";
import { rebuildIncidentTimers } from "./rebuild-timers.ts";
import { reconcileIncidents } from "./reconcile.ts";
import { reportCommand } from "./report-command.ts";

export const incidentCapability: Capability = {
  name: "incident",
  commands: [reportCommand, acknowledgeCommand, ...followUpCommands],
  actions: [incidentActionHandler({ ack: acknowledgeButton, ...followUpVerbs })],
  dialogs: [firstReportDialog, ...followUpDialogs],
  jobs: [alertJob, ackCheckJob, writtenCheckJob, followUpCheckJob, renotifyJob, ...followUpJobs],
  onStart: reconcileIncidents,
  rebuildTimers: rebuildIncidentTimers,
};
