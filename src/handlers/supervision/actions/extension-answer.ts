/**
 * 同意延期 / 不同意: the assigner (or `close_roles`) answers a pending 申请延期. Granted, the part's
 * deadline moves to the one asked for, its clocks for the old deadline are dropped and armed for the
 * new (the 督办 rounds count again from it); refused, the request is cleared. The unit is told either way.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { armPartTimers, cancelPartTimers } from "../clocks/part-timers.ts";
import { TaskStore } from "../task-store.ts";
import { answerRefusal } from "./answer-refusal.ts";
import type { FoundPart } from "./found-part.ts";
import { actionMessages as M } from "./messages.ts";
import type { ActionRules } from "./part-rules.ts";
import { tellUnit } from "./tell-unit.ts";

const CLEARED = { extensionDueAt: null, extensionReason: null, extensionBy: null, extensionAt: null };

/** 同意延期. */
export async function grantExtension(
  ctx: ConversationContext,
  { rules, timezone }: ActionRules,
  found: FoundPart,
) {
  const { database, directory, clock, scheduler } = ctx.services;
  const { part, task } = found;
  const refusal = answerRefusal(ctx, rules, task);
  if (refusal) return ctx.reply(refusal);
  const asked = part.extensionDueAt;
  if (!asked || part.closedAt) return ctx.reply(M.noPendingExtension(task.number));
  const store = new TaskStore(database);
  const now = clock.now();
  const granted = await store.updatePartIf(
    part.id,
    { closedAt: null, extensionDueAt: asked },
    { ...CLEARED, dueAt: asked, extensions: { increment: 1 }, overdueNotices: 0 },
    {
      kind: "extension_granted",
      at: now,
      actorId: ctx.person.id,
      detail: { from: part.dueAt.toISOString(), to: asked.toISOString(), reason: part.extensionReason },
    },
  );
  if (!granted) return ctx.reply(M.noPendingExtension(task.number));
  await cancelPartTimers(scheduler, part, task.createdAt);
  const current = await store.part(part.id);
  if (current) await armPartTimers(scheduler, rules, task, current.part, now);
  const unit = directory.unitName(part.unitId);
  const due = deadlineText(asked, timezone);
  await tellUnit(ctx, part.unitId, M.granted(task.number, unit, due, ctx.person.name));
  await ctx.reply(M.grantedDone(task.number, unit, due));
}

/** 不同意. */
export async function refuseExtension(
  ctx: ConversationContext,
  { rules, timezone }: ActionRules,
  found: FoundPart,
) {
  const { database, directory, clock } = ctx.services;
  const { part, task } = found;
  const refusal = answerRefusal(ctx, rules, task);
  if (refusal) return ctx.reply(refusal);
  const asked = part.extensionDueAt;
  if (!asked || part.closedAt) return ctx.reply(M.noPendingExtension(task.number));
  const now = clock.now();
  const refused = await new TaskStore(database).updatePartIf(
    part.id,
    { closedAt: null, extensionDueAt: asked },
    CLEARED,
    {
      kind: "extension_refused",
      at: now,
      actorId: ctx.person.id,
      detail: { dueAt: asked.toISOString(), reason: part.extensionReason },
    },
  );
  if (!refused) return ctx.reply(M.noPendingExtension(task.number));
  const unit = directory.unitName(part.unitId);
  await tellUnit(
    ctx,
    part.unitId,
    M.refused(task.number, unit, deadlineText(part.dueAt, timezone), ctx.person.name),
  );
  await ctx.reply(M.refusedDone(task.number, unit));
}
