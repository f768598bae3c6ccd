/**
 * 签收: the unit confirms it has the task. Recorded once (a second press is told it was signed, by
 * whom and when), and the signing check is dropped.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { clockOrFullTime } from "../../office/time-format.ts";
import { partTimerKeys } from "../clocks/part-timers.ts";
import { TaskStore } from "../task-store.ts";
import type { FoundPart } from "./found-part.ts";
import { actionMessages as M } from "./messages.ts";
import type { ActionRules } from "./part-rules.ts";
import { unitStepRefusal } from "./unit-step-refusal.ts";

/** Signs the part for the person's unit, or says why not. */
export async function signPart(ctx: ConversationContext, { timezone }: ActionRules, found: FoundPart) {
  const { database, directory, clock, scheduler } = ctx.services;
  const store = new TaskStore(database);
  const now = clock.now();
  const refusal = unitStepRefusal(ctx.person, directory, found);
  if (refusal) return ctx.reply(refusal);
  const { part, task } = found;
  const unit = directory.unitName(part.unitId);
  const signed = await store.updatePartIf(
    part.id,
    { signedAt: null, closedAt: null },
    { signedAt: now, signedBy: ctx.person.id },
    { kind: "signed", at: now, actorId: ctx.person.id },
  );
  if (!signed) {
    const current = (await store.part(part.id))?.part ?? part;
    if (current.closedAt) return ctx.reply(M.partClosed(task.number, unit));
    const by = directory.personName(current.signedBy ?? "");
    const at = clockOrFullTime(current.signedAt ?? now, now, timezone);
    return ctx.reply(M.alreadySigned(task.number, unit, by, at));
  }
  await scheduler.cancel(partTimerKeys.sign(part.id));
  await ctx.reply(M.signed(task.number, unit, ctx.person.name, deadlineText(part.dueAt, timezone)));
}
