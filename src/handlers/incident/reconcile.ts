/**
 * At start, finishes what a crash may have cut short between putting something on file and
 * scheduling its jobs:
 * - incidents not yet alerted: the alert is sent now, under its job's own key (so its sends carry
 *   the same idempotency keys as the job's, and a job the dead process left behind finds the
 *   incident alerted and does nothing), and the written-report and follow-up checks are scheduled
 *   again (same keys: harmless if they exist);
 * - 续报 and 终报 whose card was never sent: the card job is scheduled again (keyed by the report),
 *   and for the latest 续报 of an open incident, the follow-up check it arms.
 */

import { JobContext } from "../../bot/core/context.ts";
import type { BotServices } from "../../bot/core/services.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import type { Office } from "../office/office.ts";
import { scheduleReportCard } from "./follow-up/report-card-job.ts";
import { alertJobKey, gradeOf, scheduleFollowUpCheck, scheduleWrittenChecks } from "./incident-schedule.ts";
import { alertJob } from "./jobs/alert-job.ts";

export async function reconcileIncidents(
  services: BotServices,
  policy: IncidentPolicy,
  office: Office,
): Promise<void> {
  const { database, scheduler, clock, log } = services;
  const pending = await database.incident.findMany({ where: { status: "open", alertedAt: null } });
  const now = clock.now();
  for (const incident of pending) {
    await alertJob(policy, office).run(new JobContext(services, alertJobKey(incident)), {
      incidentId: incident.id,
    });
    await scheduleWrittenChecks(scheduler, policy, incident, now);
    await scheduleFollowUpCheck(scheduler, gradeOf(policy, incident.gradeId), incident);
  }
  if (pending.length > 0)
    log.info({ incidents: pending.map((i) => i.number) }, "sent the alerts of incidents not yet alerted");
  await reconcileReportCards(services, policy, now);
}

async function reconcileReportCards(services: BotServices, policy: IncidentPolicy, now: Date): Promise<void> {
  const { database, scheduler, log } = services;
  const unsent = await database.incidentReport.findMany({
    where: { kind: { in: ["follow_up", "final"] }, cardSentAt: null },
    include: { incident: true },
    orderBy: { id: "asc" },
  });
  for (const { incident, ...report } of unsent) {
    await scheduleReportCard(scheduler, report, now);
    const latest = incident.status === "open" && incident.followUpCount === report.sequence;
    if (report.kind === "follow_up" && latest)
      await scheduleFollowUpCheck(scheduler, gradeOf(policy, incident.gradeId), incident);
  }
  if (unsent.length > 0)
    log.info({ reports: unsent.map((r) => r.id) }, "re-armed the cards of reports not yet sent");
}
