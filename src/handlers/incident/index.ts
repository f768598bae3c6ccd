/**
 * Incident capability: 首报 (guided or from a paragraph), timing and completeness checks, alerts with
 * escalation, 已阅, 续报/终报/要求续报 (查询/进行中/我的上报 are the queries capability's).
 */
import type { Capability, Command } from "../../bot/core/capability.ts";
import { joinDeskParts } from "../../bot/core/desk.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import type { Office } from "../office/office.ts";
import { acknowledgeButton, acknowledgeCommand, incidentActionHandler } from "./acknowledge-command.ts";
import { incidentMediaHandler } from "./attachments/media-handler.ts";
import { incidentDesk } from "./desk/index.ts";
import { incidentDocumentParts } from "./documents/index.ts";
import { FIRST_REPORT_DIALOG, firstReportDialog } from "./first-report/first-report-dialog.ts";
import { FINAL_REPORT_DIALOG } from "./follow-up/final-report-dialog.ts";
import { finalReportCommand, followUpCommand } from "./follow-up/follow-up-commands.ts";
import { FOLLOW_UP_DIALOG } from "./follow-up/follow-up-dialog.ts";
import { followUpDialogs, followUpJobs, followUpVerbs } from "./follow-up/index.ts";
import { requestFollowUpCommand } from "./follow-up/request-follow-up.ts";
import { ackCheckJob } from "./jobs/ack-check-job.ts";
import { alertJob } from "./jobs/alert-job.ts";
import { followUpCheckJob } from "./jobs/follow-up-check-job.ts";
import { renotifyJob } from "./jobs/renotify-job.ts";
import { writtenCheckJob } from "./jobs/written-check-job.ts";
import { notConfiguredCommand } from "./not-configured.ts";
import { rebuildIncidentTimers } from "./rebuild-timers.ts";
import { reconcileIncidents } from "./reconcile.ts";
import { reportCommand } from "./report-command.ts";

/**
 * The incident capability for the policy's incident rules. Without rules its commands that start a
 * report answer that reporting is not configured (and stay in 帮助), its dialogs are not registered,
 * and nothing is reconciled or re-armed at start. `office`: its time zone and who is on duty.
 */
export function incidentCapability(rules: IncidentPolicy | undefined, office: Office): Capability {
  const gated = rules ? (command: Command) => command : notConfiguredCommand;
  const documents = incidentDocumentParts(rules, office);
  return {
    name: "incident",
    commands: [
      gated(reportCommand),
      acknowledgeCommand(rules, office.timezone),
      followUpCommand(rules),
      finalReportCommand(rules),
      requestFollowUpCommand(rules, office.timezone),
      ...(documents.commands ?? []),
    ],
    actions: [incidentActionHandler({ ack: acknowledgeButton(rules), ...followUpVerbs(rules) })],
    dialogs: rules ? [firstReportDialog(rules), ...followUpDialogs(rules)] : [],
    jobs: [
      alertJob(rules, office),
      ackCheckJob(rules, office),
      writtenCheckJob(rules, office),
      followUpCheckJob(rules),
      renotifyJob(rules),
      ...followUpJobs(rules),
    ],
    desk: joinDeskParts([incidentDesk(rules), documents.desk]),
    ...(rules && {
      media: incidentMediaHandler(rules, {
        all: [FIRST_REPORT_DIALOG, FOLLOW_UP_DIALOG, FINAL_REPORT_DIALOG],
        firstReport: FIRST_REPORT_DIALOG,
      }),
      onStart: (services) => reconcileIncidents(services, rules, office),
      rebuildTimers: (services) => rebuildIncidentTimers(services, rules),
    }),
  };
}
