/**
 * Sends the alert card to the duty and leaders' groups, mentioning the first escalation level. An
 * urgent grade (`grades[].urgent`) makes it 加急 in both: to the first level's people, and at once to
 * the leaders escalation would reach first (alert-leaders.ts), mentioned where they are members —
 * the leaders are not left to wait for their level. Scheduling the acknowledgement check comes first and every send
 * is keyed by this job, so a job that runs again after a crash alerts exactly once.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { alertLeaders } from "../../office/alert-leaders.ts";
import { alertChats } from "../../office/audience.ts";
import type { Office } from "../../office/office.ts";
import { onDutyAt } from "../../office/on-duty.ts";
import { levelAt, resolveRecipients } from "../../office/recipients.ts";
import { alertCard } from "../alert-card.ts";
import { AttachmentStore, outboundFile } from "../attachments/attachment-store.ts";
import { gradeOf, INCIDENT_JOBS, scheduleAckCheck } from "../incident-schedule.ts";
import { JOB_LABELS } from "../messages.ts";
import { paidUrgentChannels } from "../rules/paid-urgent.ts";
import { loadOpenIncident } from "./incident-job-context.ts";

const schema = z.object({ incidentId: z.number().int() });

/** `office`: who is on duty (the roster, by the office's day) is alerted with the rules' levels. */
export const alertJob = (rules: IncidentPolicy | undefined, office: Office): JobHandler<typeof schema> => ({
  name: INCIDENT_JOBS.alert,
  label: JOB_LABELS.alert,
  schema,
  async run(ctx, { incidentId }) {
    const open = await loadOpenIncident(ctx, rules, incidentId);
    if (!open || open.incident.alertedAt) return;
    const { incident, store, policy } = open;
    const { directory, clock, scheduler } = ctx.services;
    const now = clock.now();
    const grade = gradeOf(policy, incident.gradeId);
    const onDuty = onDutyAt(office, ctx.services.directory, now);
    const people = directory.people();
    const recipients = resolveRecipients(levelAt(policy.escalation, 0), people, incident.unitId, onDuty);
    const leaders = grade.urgent ? alertLeaders(policy.escalation, people, incident.unitId, onDuty) : [];
    const concerned = [...new Set([...recipients, ...leaders])];
    await scheduleAckCheck(scheduler, incident.id, 1, new Date(now.getTime() + grade.ack_within));
    const card = alertCard(incident, policy, directory);
    const attachments = new AttachmentStore(ctx.services.database);
    const photos = await attachments.unforwarded(incident.id);
    const files = photos.map(outboundFile);
    for (const chatId of alertChats(directory)) {
      const here = directory.membersAmong(chatId, concerned);
      await ctx.send(chatId, {
        card,
        mentions: here,
        urgentTo: grade.urgent ? here : [],
        urgentChannels: grade.urgent ? paidUrgentChannels(grade, 0) : [],
        ...(files.length > 0 && { files }),
      });
    }
    await attachments.markForwarded(
      photos.map((p) => p.id),
      now,
    );
    await store.updateIf(
      incident.id,
      { alertedAt: null },
      { alertedAt: now, escalationLevel: 0 },
      { kind: "alerted", at: now, actorId: null, detail: { recipients: concerned, urgent: grade.urgent } },
    );
  },
});
