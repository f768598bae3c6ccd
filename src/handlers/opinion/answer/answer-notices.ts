/**
 * Where an answer step is told: the responsible unit as a whole (its group mentioning its people,
 * one to one for those the group does not hold) and/or the office's groups, each chat once; the
 * person's own chat is answered separately when it was not among them.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { Say } from "../../../bot/core/outbox.ts";
import { reachWholeUnit } from "../../office/unit-reach.ts";

export interface Notice {
  chatId: string;
  say: Say;
}

/** The unit's people, `say` mentioning them. */
export function unitNotices(ctx: ConversationContext, unitId: string, say: Say): Notice[] {
  return reachWholeUnit(ctx.services.directory, unitId).map((d) => ({
    chatId: d.chatId,
    say: d.mentions.length > 0 ? { ...say, mentions: d.mentions } : say,
  }));
}

/** `say` in each of the groups. */
export function groupNotices(chatIds: readonly string[], say: Say): Notice[] {
  return chatIds.map((chatId) => ({ chatId, say }));
}

/** Sends each chat its first notice (a chat named twice hears once); the names of the chats told. */
export async function sendNotices(ctx: ConversationContext, notices: readonly Notice[]): Promise<string[]> {
  const told = new Set<string>();
  for (const notice of notices) {
    if (told.has(notice.chatId)) continue;
    told.add(notice.chatId);
    await ctx.send(notice.chatId, notice.say);
  }
  return [...told];
}

/** Whether the person's chat was among those told. */
export const toldHere = (ctx: ConversationContext, chats: readonly string[]) => chats.includes(ctx.chat.id);

/** Names of the chats told, for the person's answer (`青山镇工作群、总值班室`). */
export function chatNames(ctx: ConversationContext, chats: readonly string[]): string {
  return chats.map((id) => ctx.services.directory.chatName(id)).join("、");
}
