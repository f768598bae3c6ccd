/**
 * 已回应 (`已回应 Y2026-0001 <链接或说明>`, or the unit card's button and its short dialog): by the
 * responsible unit's people, only once a 口径 was approved (only approved wording goes out).
 * Records it (`responded` step), stops the 回应 clocks and tells the duty and the leaders' groups,
 * with a 办结 button.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { alertChats } from "../../office/audience.ts";
import { cancelItemTimers } from "../item-timers.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { chatNames, groupNotices, sendNotices, toldHere } from "./answer-notices.ts";
import { takeStep } from "./answer-step.ts";
import { answerMessages as M } from "./messages.ts";
import { responseCard } from "./response-card.ts";

export async function respondItem(
  ctx: ConversationContext,
  setting: OpinionSetting,
  item: OpinionItem,
  note: string,
) {
  const responded = await takeStep(ctx, setting, "respond", item, (now) => ({
    data: { respondedAt: now, respondedBy: ctx.person.id, responseNote: note },
    kind: "responded",
    detail: { text: note },
  }));
  if (!responded) return;
  const { directory, scheduler } = ctx.services;
  // The answer is out: a 核实 never reported no longer needs chasing either (see stageDone).
  await cancelItemTimers(scheduler, responded);
  const card = responseCard(responded, directory);
  const told = await sendNotices(ctx, groupNotices(alertChats(directory), { card }));
  if (!toldHere(ctx, told)) await ctx.reply(M.respondedDone(item.number, chatNames(ctx, told)));
}
