/**
 * 口径 (`口径 Y2026-0001 <拟回应内容>`, or the unit card's button and its short dialog): by the
 * responsible unit's people, while no 口径 waits and before 已回应. Stores the draft (clearing the
 * last 修改意见) as a `drafted` step, posts the review card to the leaders' groups mentioning the
 * approvers who are members (one to one for the others), and tells the unit it went for approval.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { directChatId } from "../../../bot/core/message.ts";
import { leaderChats } from "../../office/audience.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { chatNames, type Notice, sendNotices } from "./answer-notices.ts";
import { takeStep } from "./answer-step.ts";
import { answerMessages as M } from "./messages.ts";
import { reviewCard } from "./review-card.ts";

export async function draftItem(
  ctx: ConversationContext,
  setting: OpinionSetting,
  item: OpinionItem,
  text: string,
) {
  const drafted = await takeStep(ctx, setting, "draft", item, (now) => ({
    data: { draft: text, draftAt: now, draftBy: ctx.person.id, revisionNote: null },
    kind: "drafted",
    detail: { text },
  }));
  if (!drafted) return;
  const { directory } = ctx.services;
  const card = reviewCard(drafted, directory);
  const approvers = directory.withRole(setting.rules.approve_roles).map((p) => p.id);
  const groups = leaderChats(directory);
  const inGroups = new Set<string>();
  const notices: Notice[] = groups.map((chatId) => {
    const mentions = directory.membersAmong(chatId, approvers);
    for (const m of mentions) inGroups.add(m);
    return { chatId, say: mentions.length > 0 ? { card, mentions } : { card } };
  });
  for (const person of approvers.filter((p) => !inGroups.has(p)))
    notices.push({ chatId: directChatId(person), say: { card } });
  const told = await sendNotices(ctx, notices);
  await ctx.reply(M.draftSent(item.number, chatNames(ctx, told)));
}
