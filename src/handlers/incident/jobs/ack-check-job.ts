/**
 * Fires `ack_within` after an alert or escalation: when nobody has acknowledged, the next level is
 * alerted, urgent, mentioning its people; the last level repeats until someone acknowledges. Those
 * already seen reading the alert are mentioned after the others and not sent urgent again.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { chatsReaching } from "../../office/audience.ts";
import type { Office } from "../../office/office.ts";
import { onDutyAt } from "../../office/on-duty.ts";
import { levelAt, resolveRecipients } from "../../office/recipients.ts";
import { formatDurationZh } from "../../office/time-format.ts";
import { incidentActions } from "../alert-card.ts";
import { incidentHeading } from "../incident-heading.ts";
import { gradeOf, INCIDENT_JOBS, scheduleAckCheck } from "../incident-schedule.ts";
import { JOB_LABELS, CARD_LABELS as L, alertMessages as M, NOT_YET_REPORTED as TBD } from "../messages.ts";
import { paidUrgentChannels } from "../rules/paid-urgent.ts";
import { alertReaders, unreadFirst } from "../unread-first.ts";
import { loadOpenIncident } from "./incident-job-context.ts";

const schema = z.object({ incidentId: z.number().int(), level: z.number().int().min(1) });

/** `office`: who is on duty (the roster, by the office's day) is alerted with the rules' levels. */
export const ackCheckJob = (
  rules: IncidentPolicy | undefined,
  office: Office,
): JobHandler<typeof schema> => ({
  name: INCIDENT_JOBS.ackCheck,
  label: JOB_LABELS.ackCheck,
  schema,
  async run(ctx, { incidentId, level }) {
    const open = await loadOpenIncident(ctx, rules, incidentId);
    if (!open || open.incident.acknowledgedAt || open.incident.escalationLevel >= level) return;
    const { incident, store, policy } = open;
    const { directory, clock, scheduler } = ctx.services;
    const now = clock.now();
    const grade = gradeOf(policy, incident.gradeId);
    const recipients = resolveRecipients(
      levelAt(policy.escalation, level),
      directory.people(),
      incident.unitId,
      onDutyAt(office, ctx.services.directory, now),
    );
    await scheduleAckCheck(scheduler, incident.id, level + 1, new Date(now.getTime() + grade.ack_within));
    const since = formatDurationZh(now.getTime() - (incident.alertedAt ?? incident.reportedAt).getTime());
    const card = {
      title: M.escalationTitle(
        Math.min(level, policy.escalation.length - 1),
        incident.number,
        level >= policy.escalation.length,
      ),
      tone: "red" as const,
      fields: [
        { label: L.incident, value: incidentHeading(incident, policy, directory) },
        { label: L.summary, value: incident.summary ?? TBD },
      ],
      buttons: incidentActions(incident),
      note: M.escalationNote(since),
    };
    const readers = await alertReaders(ctx.services.database, incident.id);
    for (const chatId of chatsReaching(directory, recipients)) {
      const here = directory.membersAmong(chatId, recipients);
      await ctx.send(chatId, {
        card,
        ...unreadFirst(here, readers),
        urgentChannels: paidUrgentChannels(grade, level),
      });
    }
    await store.updateIf(
      incident.id,
      { acknowledgedAt: null },
      { escalationLevel: level },
      { kind: "escalated", at: now, actorId: null, detail: { level, recipients } },
    );
  },
});
