/**
 * 确认办结 / 退回: the assigner (or `close_roles`) answers a pending 申请办结. Confirmed, the unit's
 * part closes, its clocks are dropped, and once every unit's part is closed the task closes and the
 * assigner is told; returned (with a reason), the request is cleared and the unit is told to go on,
 * the requester mentioned, with its deadline.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { directChatId } from "../../../bot/core/message.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { cancelPartTimers } from "../clocks/part-timers.ts";
import { TaskStore } from "../task-store.ts";
import { answerRefusal } from "./answer-refusal.ts";
import type { FoundPart } from "./found-part.ts";
import { actionMessages as M } from "./messages.ts";
import type { ActionRules } from "./part-rules.ts";
import { readStepText } from "./step-text.ts";
import { tellUnit } from "./tell-unit.ts";

const CLEARED = { closeResult: null, closeBy: null, closeRequestedAt: null };

/** Why the person may not answer this part's 申请办结 now; null when they may. */
export function closeAnswerRefusal(ctx: ConversationContext, { rules }: ActionRules, found: FoundPart) {
  const refusal = answerRefusal(ctx, rules, found.task);
  if (refusal) return refusal;
  const { part, task } = found;
  return !part.closeRequestedAt || part.closedAt ? M.noPendingClose(task.number) : null;
}

/** 确认办结. */
export async function confirmClose(ctx: ConversationContext, actionRules: ActionRules, found: FoundPart) {
  const { database, directory, clock, scheduler } = ctx.services;
  const refusal = closeAnswerRefusal(ctx, actionRules, found);
  if (refusal) return ctx.reply(refusal);
  const { part, task } = found;
  const store = new TaskStore(database);
  const now = clock.now();
  const closed = await store.updatePartIf(
    part.id,
    { closedAt: null, closeRequestedAt: part.closeRequestedAt },
    { closedAt: now, closedBy: ctx.person.id, extensionDueAt: null },
    {
      kind: "part_closed",
      at: now,
      actorId: ctx.person.id,
      detail: { result: part.closeResult, onTime: now.getTime() <= part.dueAt.getTime() },
    },
  );
  if (!closed) return ctx.reply(M.noPendingClose(task.number));
  await cancelPartTimers(scheduler, part, task.createdAt);
  const unit = directory.unitName(part.unitId);
  await tellUnit(ctx, part.unitId, M.confirmed(task.number, unit, ctx.person.name));
  await ctx.reply(M.confirmedDone(task.number, unit));
  if (await store.closeTaskIfDone(task.id, now, ctx.person.id))
    await ctx.send(directChatId(task.assignerId), M.taskClosed(task.number, task.content));
}

/** 退回 with `reasonText`. */
export async function returnClose(
  ctx: ConversationContext,
  actionRules: ActionRules,
  found: FoundPart,
  reasonText: string,
) {
  const { database, directory, clock } = ctx.services;
  const refusal = closeAnswerRefusal(ctx, actionRules, found);
  if (refusal) return ctx.reply(refusal);
  const reason = readStepText(reasonText, M.reasonEmpty);
  if (!reason.ok) return ctx.reply(reason.reason);
  const { part, task } = found;
  const now = clock.now();
  const returned = await new TaskStore(database).updatePartIf(
    part.id,
    { closedAt: null, closeRequestedAt: part.closeRequestedAt },
    CLEARED,
    {
      kind: "returned",
      at: now,
      actorId: ctx.person.id,
      detail: { reason: reason.text, result: part.closeResult },
    },
  );
  if (!returned) return ctx.reply(M.noPendingClose(task.number));
  const unit = directory.unitName(part.unitId);
  const due = deadlineText(part.dueAt, actionRules.timezone);
  const late = now.getTime() >= part.dueAt.getTime();
  const text = (late ? M.returnedOverdue : M.returned)(task.number, unit, ctx.person.name, reason.text, due);
  await tellUnit(ctx, part.unitId, text, part.closeBy ? [part.closeBy] : undefined);
  await ctx.reply(M.returnedDone(task.number, unit));
}
