/**
 * Giving an instruction (批示), the same whether the leader pressed 批示 and typed it or wrote
 * `批示 2026-0042 …`: who may, on which incidents, and filing it once with its receipts, then
 * handing the posting to the relay job and arming the chase.
 */
import type { ConversationContext } from "../../bot/core/context.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { type Incident, IncidentStore } from "../incident/incident-store.ts";
import { acknowledgeRefusal, mayInstruct } from "../incident/rules/who-may.ts";
import { namesOf, relayTargets } from "./instruction-audience.ts";
import { scheduleChase, scheduleRelay } from "./instruction-schedule.ts";
import { InstructionStore } from "./instruction-store.ts";
import { instructionMessages as M } from "./messages.ts";
import { receiptPeople } from "./rules/receipt-people.ts";

/**
 * The policy when this person may instruct, after telling them why not otherwise: the incident
 * rules must be configured (`policy` given) and the person must hold one of `incident.instruct_roles`.
 */
export async function instructingPolicy(
  ctx: ConversationContext,
  policy: IncidentPolicy | undefined,
): Promise<IncidentPolicy | null> {
  if (!policy) {
    await ctx.reply(M.notConfigured);
    return null;
  }
  if (!mayInstruct(ctx.person, policy.incident)) {
    await ctx.reply(M.notAllowed);
    return null;
  }
  return policy;
}

/** True when the incident can still take an instruction; otherwise says so. */
export async function acceptsInstruction(ctx: ConversationContext, incident: Incident): Promise<boolean> {
  if (incident.status === "open") return true;
  await ctx.reply(M.closed(incident.number));
  return false;
}

/**
 * Files the instruction once per `sourceKey`, arms its relay and chase, treats it as 已阅 when
 * nobody acknowledged yet, and tells the leader where it goes and who must confirm.
 */
export async function submitInstruction(
  ctx: ConversationContext,
  rules: IncidentPolicy | undefined,
  input: { incidentId: number; text: string; sourceKey: string },
): Promise<void> {
  const policy = await instructingPolicy(ctx, rules);
  if (!policy) return;
  const { database, clock, scheduler, directory } = ctx.services;
  const incidents = new IncidentStore(database);
  const incident = await incidents.byId(input.incidentId);
  if (!incident) return ctx.reply(M.staleButton);
  if (!(await acceptsInstruction(ctx, incident))) return;
  const now = clock.now();
  const recipients = receiptPeople(incident, directory.people(), ctx.person.id);
  const { instruction, created } = await new InstructionStore(database).create({
    incidentId: incident.id,
    sourceKey: input.sourceKey,
    leaderId: ctx.person.id,
    text: input.text,
    createdAt: now,
    recipients,
    chatId: ctx.chat.id,
  });
  await scheduleRelay(scheduler, instruction.id, now);
  if (!instruction.completedAt) await scheduleChase(scheduler, policy, instruction, 1);
  // A leader who instructs has read the alert: the escalation stops as it would on 已阅 (by the
  // same rule: one of acknowledge_roles, from another unit). Conditional on nobody having
  // acknowledged yet, so doing it again is harmless.
  if (acknowledgeRefusal(ctx.person, incident.unitId, policy.incident) === null)
    await incidents.updateIf(
      incident.id,
      { acknowledgedAt: null },
      { acknowledgedAt: now, acknowledgedBy: ctx.person.id },
      {
        kind: "acknowledged",
        at: now,
        actorId: ctx.person.id,
        detail: { via: "instruction", instructionId: instruction.id },
      },
    );
  if (!created) return ctx.reply(M.relayedAlready(incident.number));
  const chats = relayTargets(directory, incident)
    .map((t) => directory.chatName(t.chatId))
    .join("、");
  await ctx.reply(
    recipients.length > 0
      ? M.relayed(incident.number, chats, namesOf(directory, recipients))
      : M.relayedNobodyToAsk(incident.number, chats),
  );
}
