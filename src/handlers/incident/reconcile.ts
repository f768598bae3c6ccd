/**
 * At start, re-arms the jobs of incidents filed just before a crash: one not yet alerted gets its
 * alert, written-report checks and follow-up check scheduled again (same keys: harmless if they exist).
 */
import type { BotServices } from "../../bot/core/services.ts";
import { hasIncidentRules } from "../../config/policy.ts";
import { gradeOf, scheduleAlert, scheduleFollowUpCheck, scheduleWrittenChecks } from "./incident-schedule.ts";

export async function reconcileIncidents(services: BotServices): Promise<void> {
  const { policy, prisma, scheduler, clock, log } = services;
  if (!hasIncidentRules(policy)) return;
  const pending = await prisma.incident.findMany({ where: { status: "open", alertedAt: null } });
  const now = clock.now();
  for (const incident of pending) {
    await scheduleAlert(scheduler, incident, now);
    await scheduleWrittenChecks(scheduler, policy, incident, now);
    await scheduleFollowUpCheck(scheduler, gradeOf(policy, incident.gradeId), incident);
  }
  if (pending.length > 0)
    log.info({ incidents: pending.map((i) => i.number) }, "re-armed alerts of incidents not yet alerted");
}
