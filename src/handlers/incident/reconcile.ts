/**
 * At start, finishes what a crash may have cut short for incidents not yet alerted: the alert is
 * sent now, under its job's own key (so its sends carry the same idempotency keys as the job's, and
 * a job the dead process left behind finds the incident alerted and does nothing), and the
 * written-report and follow-up checks are scheduled again (same keys: harmless if they exist).
 */

import { JobContext } from "../../bot/core/context.ts";
import type { BotServices } from "../../bot/core/services.ts";
import { hasIncidentRules } from "../../config/policy.ts";
import { alertJobKey, gradeOf, scheduleFollowUpCheck, scheduleWrittenChecks } from "./incident-schedule.ts";
import { alertJob } from "./jobs/alert-job.ts";

export async function reconcileIncidents(services: BotServices): Promise<void> {
  const { policy, prisma, scheduler, clock, log } = services;
  if (!hasIncidentRules(policy)) return;
  const pending = await prisma.incident.findMany({ where: { status: "open", alertedAt: null } });
  const now = clock.now();
  for (const incident of pending) {
    await alertJob.run(new JobContext(services, alertJobKey(incident)), { incidentId: incident.id });
    await scheduleWrittenChecks(scheduler, policy, incident, now);
    await scheduleFollowUpCheck(scheduler, gradeOf(policy, incident.gradeId), incident);
  }
  if (pending.length > 0)
    log.info({ incidents: pending.map((i) => i.number) }, "sent the alerts of incidents not yet alerted");
}
