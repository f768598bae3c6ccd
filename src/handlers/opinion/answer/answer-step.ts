/**
 * Taking one answer step on an item: checks who acts (the person the platform names) and what the
 * item's state allows, then changes the item only from the state it was read in, with the step on
 * its timeline in the same transaction. A double press or a race changes it once; the loser is
 * told why (the item read again), and nothing else happens.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { Prisma } from "../../../store/generated/client.ts";
import { clockOrFullTime } from "../../office/time-format.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import type { OpinionEventKind, OpinionItem } from "../opinion-types.ts";
import { type AnswerStep, mayTake, type StateRefusal, stateRefusal, UNIT_STEPS } from "./answer-rules.ts";
import { answerMessages as M } from "./messages.ts";

/** What a step writes: the item's new fields and the timeline step's kind and detail. */
export interface StepChange {
  data: Prisma.OpinionItemUpdateManyMutationInput;
  kind: OpinionEventKind;
  detail?: object;
}

/** Why the person may not take the step on the item (roles first); null when they may. */
export function refusalOf(
  ctx: ConversationContext,
  { rules, office }: OpinionSetting,
  step: AnswerStep,
  item: OpinionItem,
): string | null {
  const { directory, clock } = ctx.services;
  if (!mayTake(step, ctx.person, item.unitId, rules))
    return UNIT_STEPS.includes(step)
      ? M.notUnitPerson(item.number, directory.unitName(item.unitId))
      : M.notApprover(rules.approve_roles);
  const refusal = stateRefusal(step, item);
  return refusal ? stateText(refusal, item, ctx, office.timezone, clock.now()) : null;
}

function stateText(
  refusal: StateRefusal,
  item: OpinionItem,
  ctx: ConversationContext,
  timezone: string,
  now: Date,
): string {
  const { directory } = ctx.services;
  const who = (id: string | null) => (id ? directory.personName(id) : "");
  const at = (when: Date | null) => clockOrFullTime(when ?? now, now, timezone);
  switch (refusal) {
    case "closed":
      return M.itemClosed(item.number);
    case "signed":
      return M.alreadySigned(
        item.number,
        directory.unitName(item.unitId),
        who(item.signedBy),
        at(item.signedAt),
      );
    case "verified":
      return M.alreadyVerified(item.number, who(item.verifiedBy), at(item.verifiedAt));
    case "draft_waiting":
      return M.draftWaiting(item.number);
    case "no_draft":
      return M.noDraftWaiting(item.number);
    case "not_approved":
      return M.notApproved(item.number);
    case "responded":
      return M.alreadyResponded(item.number, who(item.respondedBy), at(item.respondedAt));
  }
}

/** The state the step changes the item from (what was read, as far as the step depends on it). */
function expected(step: AnswerStep, item: OpinionItem): Prisma.OpinionItemWhereInput {
  if (step === "sign") return { status: "open", signedAt: null };
  if (step === "verify") return { status: "open", verifiedAt: null };
  return { status: "open", respondedAt: null, draftAt: item.draftAt, approvedAt: item.approvedAt };
}

/**
 * Takes the step, or replies why not; the item as changed, or null when nothing changed.
 * `change` is given the time of the step.
 */
export async function takeStep(
  ctx: ConversationContext,
  setting: OpinionSetting,
  step: AnswerStep,
  item: OpinionItem,
  change: (now: Date) => StepChange,
): Promise<OpinionItem | null> {
  const refusal = refusalOf(ctx, setting, step, item);
  if (refusal) {
    await ctx.reply(refusal);
    return null;
  }
  const store = new OpinionStore(ctx.services.database);
  const now = ctx.services.clock.now();
  const { data, kind, detail } = change(now);
  const taken = await store.updateIf(item.id, expected(step, item), data, {
    kind,
    at: now,
    actorId: ctx.person.id,
    ...(detail ? { detail } : {}),
  });
  const current = (await store.byId(item.id)) ?? item;
  if (taken) return current;
  await ctx.reply(refusalOf(ctx, setting, step, current) ?? M.changed(item.number));
  return null;
}
