/** Daily reminders on schedules: the schedule tick, the morning reminder with today's duty people, and pausing a group's reminders. */
import type { Capability } from "../../bot/core/capability.ts";
import { morningReminderJob } from "./morning-reminder-job.ts";
import { pauseCommand } from "./pause-command.ts";
import { scheduleTickJob } from "./schedule-tick-job.ts";

export const reminderCapability: Capability = {
  name: "reminders",
  commands: [pauseCommand],
  jobs: [scheduleTickJob, morningReminderJob],
};
