/**
 * 已阅: a leader (or a director, by policy) acknowledges an alert. It stops the escalation for
 * everyone, says who acknowledged in the alert groups and the unit's group, and arms the one
 * re-notification for "acknowledged but nothing happens".
 */
import type { ConversationContext } from "../../bot/core/context.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { alertChats, unitChat } from "../office/audience.ts";
import { formatLocalTime } from "../office/time-format.ts";
import { acknowledgedActions, alertCard } from "./alert-card.ts";
import { alertPrefixes, offeredAcknowledge, sentUnder } from "./alert-sends.ts";
import { scheduleRenotify } from "./incident-schedule.ts";
import { type Incident, IncidentStore } from "./incident-store.ts";
import { CARD_LABELS, alertMessages as M } from "./messages.ts";
import { acknowledgeRefusal } from "./rules/who-may.ts";

export async function acknowledge(
  ctx: ConversationContext,
  policy: IncidentPolicy,
  incident: Incident,
): Promise<void> {
  const { directory, clock, scheduler, database } = ctx.services;
  const tz = policy.timezone;
  if (incident.status !== "open") return ctx.reply(M.closed(incident.number));
  const refusal = acknowledgeRefusal(ctx.person, incident.unitId, policy.incident);
  if (refusal === "role") return ctx.reply(M.cannotAcknowledge);
  if (refusal === "ownUnit") return ctx.reply(M.ownUnit);
  if (incident.acknowledgedAt && incident.acknowledgedBy) {
    const name = directory.personName(incident.acknowledgedBy);
    return ctx.reply(
      M.alreadyAcknowledged(incident.number, name, formatLocalTime(incident.acknowledgedAt, tz)),
    );
  }
  const now = clock.now();
  const store = new IncidentStore(database);
  if (
    !(await store.updateIf(
      incident.id,
      { acknowledgedAt: null },
      { acknowledgedAt: now, acknowledgedBy: ctx.person.id },
      { kind: "acknowledged", at: now, actorId: ctx.person.id },
    ))
  ) {
    const fresh = (await store.byId(incident.id)) as Incident;
    return acknowledge(ctx, policy, fresh);
  }
  await scheduleRenotify(scheduler, policy, incident.id, now);
  const text = M.acknowledged(incident.number, ctx.person.name, formatLocalTime(now, tz));
  const chats = new Set([ctx.chat.id, ...alertChats(directory)]);
  for (const chatId of chats) await ctx.send(chatId, text);
  await ctx.send(unitChat(directory, incident), {
    text: M.acknowledgedUnit(incident.number, ctx.person.name),
    mentions: [incident.reporterId],
  });
  await updateAlertCards(ctx, policy, { ...incident, acknowledgedAt: now, acknowledgedBy: ctx.person.id });
}

/**
 * Platforms that edit sent messages (Feishu, the console) show the acknowledged alert in place of the
 * alert and of every escalation of it that offered 已阅: who acknowledged and when, 批示 and 要求续报
 * but no 已阅. An escalation that offered no 已阅 (to the reporting unit's own people, or to those
 * who may not acknowledge) shows the same, without buttons: no 批示 for someone who may not.
 * Others skip these updates; the notices above say the same.
 */
async function updateAlertCards(
  ctx: ConversationContext,
  policy: IncidentPolicy,
  incident: Incident,
): Promise<void> {
  const { directory, database } = ctx.services;
  const sent = await sentUnder(database, alertPrefixes(incident.id));
  const base = alertCard(incident, policy, directory);
  const at = formatLocalTime(incident.acknowledgedAt as Date, policy.timezone);
  const card = {
    ...base,
    fields: [
      ...base.fields,
      { label: CARD_LABELS.acknowledged, value: M.acknowledgedField(ctx.person.name, at) },
    ],
    buttons: acknowledgedActions(incident),
    note: undefined,
  };
  const seen = new Set<string>();
  for (const row of sent) {
    if (seen.has(row.idempotencyKey)) continue;
    seen.add(row.idempotencyKey);
    const shown = offeredAcknowledge(row) ? card : { ...card, buttons: [] };
    await ctx.send(row.chatId, { card: shown, updateOf: row.idempotencyKey });
  }
}
