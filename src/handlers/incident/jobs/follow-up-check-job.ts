/**
 * Fires `follow_up_every` after the latest report: no 续报 since → 漏报 flag, a reminder to the unit
 * and an alert to the duty office, and the next check one period later.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { dutyChats, unitChat } from "../../office/audience.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import { gradeOf, INCIDENT_JOBS, scheduleFollowUpCheckAt } from "../incident-schedule.ts";
import { JOB_LABELS, alertMessages as M } from "../messages.ts";
import { missedFollowUpFlagged } from "../timer-state.ts";
import { loadOpenIncident } from "./incident-job-context.ts";

const schema = z.object({
  incidentId: z.number().int(),
  followUpCount: z.number().int(),
  dueAt: z.iso.datetime(),
});

export const followUpCheckJob = (rules: IncidentPolicy | undefined): JobHandler<typeof schema> => ({
  name: INCIDENT_JOBS.followUp,
  label: JOB_LABELS.followUpCheck,
  schema,
  async run(ctx, { incidentId, followUpCount, dueAt }) {
    const open = await loadOpenIncident(ctx, rules, incidentId);
    if (!open || open.incident.followUpCount > followUpCount) return;
    const { incident, store, policy } = open;
    const { directory, clock, scheduler } = ctx.services;
    const grade = gradeOf(policy, incident.gradeId);
    if (grade.follow_up_every === undefined) return;
    // Flagged already (the job ran before and was scheduled again by a timer rebuild).
    if (await missedFollowUpFlagged(ctx.services.database, incident.id, dueAt)) return;
    const now = clock.now();
    const due = formatLocalTime(new Date(dueAt), policy.timezone);
    await store.updateIf(incident.id, { status: "open" }, { missedFollowUps: incident.missedFollowUps + 1 });
    await store.record(incident.id, "flagged_missed", now, null, { dueAt, followUpCount });
    const unitPeople = [
      incident.reporterId,
      ...directory.withRole("director", incident.unitId).map((p) => p.id),
    ];
    await ctx.send(unitChat(directory, incident), {
      text: M.followUpMissedUnit(incident.number, due),
      mentions: unitPeople,
    });
    const unit = directory.unitName(incident.unitId);
    for (const chatId of dutyChats(directory))
      await ctx.send(chatId, { text: M.followUpMissedDuty(incident.number, unit, due) });
    const next = new Date(new Date(dueAt).getTime() + grade.follow_up_every);
    await scheduleFollowUpCheckAt(scheduler, incident.id, followUpCount, next);
  },
});
