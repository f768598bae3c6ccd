/**
 * Finding the item a step is about: the one a button (or a dialog) names, or the number typed first
 * (`核实 Y2026-0001 <情况>`, `已阅 Y2026-0001`). Each replies itself when there is none and returns null.
 */
import type { Command } from "../../bot/core/capability.ts";
import type { ConversationContext } from "../../bot/core/context.ts";
import { opinionMessages } from "./messages.ts";
import { OpinionStore } from "./opinion-store.ts";
import type { OpinionItem } from "./opinion-types.ts";
import { looksLikeOpinionNumber, parseOpinionNumber } from "./rules/opinion-number.ts";

/** The first word of a command's arguments. */
export function firstWord(args: string): string {
  return args.trim().split(/\s+/)[0] ?? "";
}

/** Whether a command's arguments start with a 舆情 number (how the shared words are claimed). */
export function startsWithOpinionNumber(args: string): boolean {
  return looksLikeOpinionNumber(firstWord(args));
}

/** The item a button (or a dialog) names; null (after saying the button is stale) when there is none. */
export async function buttonItem(ctx: ConversationContext, itemId: number): Promise<OpinionItem | null> {
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

/** What a typed step does with its item and the words after the number. */
export type ItemAct = (ctx: ConversationContext, item: OpinionItem, rest: string) => Promise<void>;

/**
 * A typed step on an item (`核实 Y2026-0001 <情况>`): it claims its word only when a 舆情 number
 * follows (the word may be another capability's too: 签收, 已阅, 批示), finds the item and acts.
 */
export function itemCommand(about: Omit<Command, "run" | "owns">, usage: string, act: ItemAct): Command {
  return {
    ...about,
    owns: (_ctx, args) => startsWithOpinionNumber(args),
    async run(ctx, args) {
      const typed = await typedItem(ctx, args, usage);
      if (typed) await act(ctx, typed.item, typed.rest);
    },
  };
}
