/** Daily zero reports (零报告): the command, the reminder before the cut-off and the cut-off itself. */
import type { Capability } from "../../bot/core/capability.ts";
import { zeroReportCutoffJob } from "./cutoff-job.ts";
import { rebuildZeroReportTimers } from "./rebuild-timers.ts";
import { zeroReportRemindJob } from "./remind-job.ts";
import { zeroReportCommand } from "./zero-report-command.ts";

export const dailyReportCapability: Capability = {
  name: "daily-report",
  commands: [zeroReportCommand],
  jobs: [zeroReportRemindJob, zeroReportCutoffJob],
  rebuildTimers: rebuildZeroReportTimers,
};
