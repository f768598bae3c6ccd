/**
 * 同意发布 (the review card's button, or `同意发布 Y2026-0001`): by `approve_roles` only, while a 口径
 * waits. The waiting draft becomes the approved wording (`approved` step), and the unit (its people
 * mentioned) is told `Y2026-0001 口径已同意发布：<口径>` and to publish it, then report 已回应.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { sendNotices, toldHere, unitNotices } from "./answer-notices.ts";
import { takeStep } from "./answer-step.ts";
import { answerMessages as M } from "./messages.ts";

export async function approveItem(ctx: ConversationContext, setting: OpinionSetting, item: OpinionItem) {
  const text = item.draft ?? "";
  const approved = await takeStep(ctx, setting, "approve", item, (now) => ({
    data: { approvedText: text, approvedAt: now, approvedBy: ctx.person.id },
    kind: "approved",
    detail: { text },
  }));
  if (!approved) return;
  const notice = `${M.approved(item.number, text)}\n${M.approvedNext(item.number)}`;
  const told = await sendNotices(ctx, unitNotices(ctx, item.unitId, { text: notice }));
  if (!toldHere(ctx, told))
    await ctx.reply(M.approvedDone(item.number, ctx.services.directory.unitName(item.unitId)));
}
