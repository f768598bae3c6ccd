/**
 * Finding the item an answer step is about: the one a button names, or the number typed first
 * (`核实 Y2026-0001 <情况>`). Each replies itself when there is none and returns null.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { opinionMessages } from "../messages.ts";
import { OpinionStore } from "../opinion-store.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { looksLikeOpinionNumber, parseOpinionNumber } from "../rules/opinion-number.ts";

const firstWord = (args: string) => args.trim().split(/\s+/)[0] ?? "";

/** Whether a command's arguments start with a 舆情 number (how the shared words are claimed). */
export const startsWithOpinionNumber = (args: string) => looksLikeOpinionNumber(firstWord(args));

/** The item a button (or a dialog) names; null (after saying the button is stale) when there is none. */
export async function itemById(ctx: ConversationContext, itemId: number): Promise<OpinionItem | null> {
  const item = await new OpinionStore(ctx.services.database).byId(itemId);
  if (!item) await ctx.reply(opinionMessages.staleButton);
  return item;
}

/** `Y2026-0001 rest…`: the item and what follows its number; null (after replying) when there is none. */
export async function typedItem(
  ctx: ConversationContext,
  args: string,
  usage: string,
): Promise<{ item: OpinionItem; rest: string } | null> {
  const typed = firstWord(args);
  if (!typed) {
    await ctx.reply(usage);
    return null;
  }
  const number = parseOpinionNumber(typed);
  const item = number ? await new OpinionStore(ctx.services.database).byNumber(number) : null;
  if (!item) {
    await ctx.reply(opinionMessages.unknownNumber(typed));
    return null;
  }
  return { item, rest: args.trim().slice(typed.length).trim() };
}
