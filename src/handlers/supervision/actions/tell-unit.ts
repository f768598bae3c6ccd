/** Tells a unit how its request was answered: in its work group, its people (or `mention`) mentioned. */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { unitNotices } from "./part-people.ts";

export async function tellUnit(
  ctx: ConversationContext,
  unitId: string,
  text: string,
  mention?: readonly string[],
): Promise<void> {
  for (const notice of unitNotices(ctx.services.directory, unitId, text, mention))
    await ctx.send(notice.chatId, notice.say);
}
