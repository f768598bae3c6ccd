/**
 * Fires `ack_within` after an alert or escalation: when nobody has acknowledged, the next level is
 * alerted, urgent, mentioning its people; the last level repeats until someone acknowledges. Those
 * already seen reading the alert are mentioned after the others and not sent urgent again. Each is
 * asked what the policy lets them do (rules/who-may.ts): those who may 已阅 to read it at once; the
 * reporting unit's own people to follow up, and others to get a leader to read it — both without
 * an 已阅 button, in a card of their own where they share a chat with readers (once someone
 * acknowledges, it shows who, without buttons).
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
import { noAckKey } from "../alert-sends.ts";
import { incidentHeading } from "../incident-heading.ts";
import { gradeOf, INCIDENT_JOBS, scheduleAckCheck } from "../incident-schedule.ts";
import { JOB_LABELS, CARD_LABELS as L, alertMessages as M, NOT_YET_REPORTED as TBD } from "../messages.ts";
import { paidUrgentChannels } from "../rules/paid-urgent.ts";
import { type EscalationAsk, type EscalationOffer, escalationOffer } from "../rules/who-may.ts";
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
    const title = M.escalationTitle(
      Math.min(level, policy.escalation.length - 1),
      incident.number,
      level >= policy.escalation.length,
    );
    const notes: Record<EscalationAsk, string> = {
      read: M.escalationNote(since),
      followUp: M.escalationNoteOwnUnit(since, incident.number),
      passOn: M.escalationNotePassOn(since),
    };
    const cardFor = (offer: EscalationOffer) => ({
      title,
      tone: "red" as const,
      fields: [
        { label: L.incident, value: incidentHeading(incident, policy, directory) },
        { label: L.summary, value: incident.summary ?? TBD },
      ],
      buttons: incidentActions(incident, offer.verbs),
      note: notes[offer.ask],
    });
    const offerOf = (id: string) => {
      const person = directory.person(id);
      return person
        ? escalationOffer(person, incident.unitId, policy.incident)
        : { ask: "passOn" as const, verbs: [] };
    };
    const readers = await alertReaders(ctx.services.database, incident.id);
    let withoutAck = 0;
    for (const chatId of chatsReaching(directory, recipients)) {
      for (const { offer, people } of byOffer(directory.membersAmong(chatId, recipients), offerOf)) {
        const options = offer.ask === "read" ? {} : { key: noAckKey(++withoutAck) };
        const say = {
          card: cardFor(offer),
          ...unreadFirst(people, readers),
          urgentChannels: paidUrgentChannels(grade, level),
        };
        await ctx.send(chatId, say, options);
      }
    }
    await store.updateIf(
      incident.id,
      { acknowledgedAt: null },
      { escalationLevel: level },
      { kind: "escalated", at: now, actorId: null, detail: { level, recipients } },
    );
  },
});

/**
 * `people` grouped by what they are asked, in their order, those asked to read first: one card per
 * ask in a chat, with the buttons any of its people may press (in a direct chat, exactly theirs).
 */
function byOffer(
  people: readonly string[],
  offerOf: (id: string) => EscalationOffer,
): { offer: EscalationOffer; people: string[] }[] {
  const groups = new Map<EscalationAsk, { offer: EscalationOffer; people: string[] }>();
  for (const id of people) {
    const { ask, verbs } = offerOf(id);
    const group = groups.get(ask) ?? { offer: { ask, verbs: [] }, people: [] };
    group.offer.verbs.push(...verbs.filter((verb) => !group.offer.verbs.includes(verb)));
    group.people.push(id);
    groups.set(ask, group);
  }
  return [...groups.values()].sort((a, b) => Number(b.offer.ask === "read") - Number(a.offer.ask === "read"));
}
