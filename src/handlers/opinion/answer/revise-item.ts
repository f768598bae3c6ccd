/**
 * 修改意见 (`修改意见 Y2026-0001 <内容>`, or the review card's button and its short dialog): by
 * `approve_roles` only, while a 口径 waits. The draft goes back (`draftAt` cleared, the remarks kept
 * as `revisionNote`, a `revision_asked` step), and the remarks reach the unit, its people mentioned,
 * with what to do next: a new 口径.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { sendNotices, toldHere, unitNotices } from "./answer-notices.ts";
import { takeStep } from "./answer-step.ts";
import { answerMessages as M } from "./messages.ts";

export async function reviseItem(
  ctx: ConversationContext,
  setting: OpinionSetting,
  item: OpinionItem,
  remarks: string,
) {
  const revised = await takeStep(ctx, setting, "revise", item, () => ({
    data: { revisionNote: remarks, draftAt: null },
    kind: "revision_asked",
    detail: { text: remarks, draft: item.draft },
  }));
  if (!revised) return;
  const notice = `${M.revision(item.number, ctx.person.name, remarks)}\n${M.revisionNext(item.number)}`;
  const told = await sendNotices(ctx, unitNotices(ctx, item.unitId, { text: notice }));
  if (!toldHere(ctx, told))
    await ctx.reply(M.revisedDone(item.number, ctx.services.directory.unitName(item.unitId)));
}
