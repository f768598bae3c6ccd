/**
 * The office's daily round (one capability, so the parts of a day never borrow from each other):
 * the schedule tick, the morning reminder with today's duty people, pausing a group's reminders,
 * and the daily zero reports (零报告) — the command, the reminder before the cut-off and the cut-off.
 * An incident filed after the cut-off counts as the unit's report of the day (`incident.filed`).
 */
import { type Capability, joinParts } from "../../bot/core/capability.ts";
import { on } from "../../bot/core/events.ts";
import { zeroReportCutoffJob } from "./cutoff-job.ts";
import type { DailyRules } from "./daily-rules.ts";
import { dailyDesk } from "./desk/index.ts";
import { recordLateIncidentReport } from "./late-incident-report.ts";
import { morningReminderJob } from "./morning-reminder-job.ts";
import { pauseCommand } from "./pause-command.ts";
import { rebuildZeroReportTimers } from "./rebuild-timers.ts";
import { zeroReportRemindJob } from "./remind-job.ts";
import { scheduleTickJob } from "./schedule-tick-job.ts";
import { dailySheetParts } from "./sheets/index.ts";
import { zeroReportCommand } from "./zero-report-command.ts";

/** The daily round in the office's time zone, with its roster and zero-report rule. */
export function dailyCapability(rules: DailyRules): Capability {
  return joinParts("daily", [
    {
      commands: [pauseCommand(rules.timezone), zeroReportCommand(rules)],
      jobs: [
        scheduleTickJob(rules.timezone),
        morningReminderJob(rules),
        zeroReportRemindJob(rules),
        zeroReportCutoffJob(rules),
      ],
      listeners: [
        on("incident.filed", (services, { incident }) => recordLateIncidentReport(services, rules, incident)),
      ],
      rebuildTimers: (services) => rebuildZeroReportTimers(services, rules),
      desk: dailyDesk(rules),
    },
    dailySheetParts(rules),
  ]);
}
