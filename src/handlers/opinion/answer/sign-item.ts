/**
 * 签收 (the unit card's button, or `签收 Y2026-0001`): by the responsible unit's people; recorded
 * once as a `signed` step, and the unit's group and the duty groups told `Y2026-0001 青山镇已签收`.
 * A second 签收 says who signed and when, and changes nothing.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { dutyChats, unitGroupOf } from "../../office/audience.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { groupNotices, sendNotices, toldHere } from "./answer-notices.ts";
import { takeStep } from "./answer-step.ts";
import { answerMessages as M } from "./messages.ts";

export async function signItem(ctx: ConversationContext, setting: OpinionSetting, item: OpinionItem) {
  const signed = await takeStep(ctx, setting, "sign", item, (now) => ({
    data: { signedAt: now, signedBy: ctx.person.id },
    kind: "signed",
  }));
  if (!signed) return;
  const { directory } = ctx.services;
  const text = M.signed(item.number, directory.unitName(item.unitId), ctx.person.name);
  const group = unitGroupOf(directory, item.unitId);
  const told = await sendNotices(
    ctx,
    groupNotices([...(group ? [group] : []), ...dutyChats(directory)], { text }),
  );
  if (!toldHere(ctx, told)) await ctx.reply(text);
}
