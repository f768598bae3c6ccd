/**
 * 签收 typed: `签收 D2026-0001`, or `签收` alone when the unit has one task to sign (several: which);
 * and `收到` right under a task card in the unit's group, which is 签收 when nothing else claims it
 * (a 批示 waiting for the person's 收到 keeps it).
 */
import type { Command } from "../../../bot/core/capability.ts";
import type { ConversationContext } from "../../../bot/core/context.ts";
import { isSaidToBot } from "../../../bot/core/message.ts";
import { InstructionStore } from "../../instruction/instruction-store.ts";
import { unitGroupId } from "../../office/unit-reach.ts";
import { looksLikeTaskNumber } from "../rules/task-number.ts";
import { ownPart } from "./found-part.ts";
import { actionMessages as M } from "./messages.ts";
import type { ActionRules } from "./part-rules.ts";
import { signPart } from "./sign.ts";
import { unsignedParts } from "./unsigned-parts.ts";

/** Signs the one part of the person's unit waiting (`notifiedOnly`: whose card went out), asks which when several, and speaks of none only when addressed. */
async function signTheOne(ctx: ConversationContext, rules: ActionRules, notifiedOnly: boolean) {
  const waiting = await unsignedParts(ctx.services.database, ctx.person.unit, notifiedOnly);
  const [only] = waiting;
  if (only && waiting.length === 1) return signPart(ctx, rules, only);
  if (waiting.length > 1) return ctx.reply(M.chooseToSign(waiting.map((w) => w.task.number)));
  if (isSaidToBot(ctx.event)) await ctx.reply(M.nothingToSign);
}

/** `签收 [D2026-0001]`. */
export function signCommand(rules: ActionRules): Command {
  return {
    names: ["签收", "/sign"],
    summary: M.signSummary,
    heardWithoutMention: true,
    async run(ctx, args) {
      if (!args.trim()) return signTheOne(ctx, rules, false);
      const typed = await ownPart(ctx, args, M.usage.sign);
      if (typed) await signPart(ctx, rules, typed.found);
    },
  };
}

/**
 * `收到` under a task card: taken when it names a task (`收到 D2026-0001`), or names nothing, the
 * person has no 批示 waiting for their 收到, and their unit has an unsigned task whose card went to
 * this chat, the unit's group.
 */
export function taskReceiptCommand(rules: ActionRules): Command {
  return {
    // The words the instruction capability's 收到 answers to, which a task card's 收到 shares.
    names: ["收到", "已收到", "收到！", "收到!", "收到。", "/received"],
    summary: M.receiptSummary,
    heardWithoutMention: true,
    async owns(ctx, args) {
      const first = args.trim().split(/\s+/)[0] ?? "";
      if (first) return looksLikeTaskNumber(first);
      const { database, directory } = ctx.services;
      if (unitGroupId(directory, ctx.person.unit) !== ctx.chat.id) return false;
      const receipts = await new InstructionStore(database).receiptsOf(ctx.person.id);
      if (receipts.some((r) => !r.confirmedAt)) return false;
      return (await unsignedParts(database, ctx.person.unit, true)).length > 0;
    },
    async run(ctx, args) {
      if (!args.trim()) return signTheOne(ctx, rules, true);
      const typed = await ownPart(ctx, args, M.usage.sign);
      if (typed) await signPart(ctx, rules, typed.found);
    },
  };
}
