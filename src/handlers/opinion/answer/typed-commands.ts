/**
 * The typed forms: `签收 Y2026-0001`, `核实 Y2026-0001 <情况>`, `口径 Y2026-0001 <拟回应内容>`,
 * `同意发布 Y2026-0001`, `修改意见 Y2026-0001 <内容>`, `已回应 Y2026-0001 <链接或说明>`. 签收 is also
 * a 督办 word (`签收` alone, `签收 D2026-0001` stay theirs): every form claims only uses that start
 * with a `Y…` number, through `owns`. A number without the words starts the button's dialog.
 */
import type { Command } from "../../../bot/core/capability.ts";
import type { ConversationContext } from "../../../bot/core/context.ts";
import { type ItemAct as Act, itemCommand } from "../found-item.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { ANSWER_DIALOGS, TEXT_STEPS, type TextStep } from "./answer-dialogs.ts";
import { refusalOf } from "./answer-step.ts";
import { readAnswerText } from "./answer-text.ts";
import { approveItem } from "./approve-item.ts";
import { answerMessages as M } from "./messages.ts";
import { signItem } from "./sign-item.ts";

/** Opens the step's dialog (after checking the person may), the way its button does. */
export async function askForText(
  ctx: ConversationContext,
  setting: OpinionSetting,
  step: TextStep,
  item: OpinionItem,
): Promise<void> {
  const refusal = refusalOf(ctx, setting, step, item);
  if (refusal) return ctx.reply(refusal);
  await ctx.startDialog(ANSWER_DIALOGS[step], String(item.id));
}

const EMPTY: Record<TextStep, string> = {
  verify: M.verifyEmpty,
  draft: M.draftEmpty,
  revise: M.reviseEmpty,
  respond: M.respondEmpty,
};

/** A form with words after the number: taken at once; the number alone asks for them. */
function textAct(setting: OpinionSetting, step: TextStep): Act {
  return async (ctx, item, rest) => {
    if (!rest) return askForText(ctx, setting, step, item);
    const refusal = refusalOf(ctx, setting, step, item);
    if (refusal) return ctx.reply(refusal);
    const text = readAnswerText(rest, EMPTY[step]);
    if (!text.ok) return ctx.reply(text.reason);
    await TEXT_STEPS[step](ctx, setting, item, text.text);
  };
}

export function typedCommands(setting: OpinionSetting): Command[] {
  return [
    itemCommand(
      { names: ["签收"], summary: M.signSummary, heardWithoutMention: true },
      M.usage.sign,
      (ctx, item) => signItem(ctx, setting, item),
    ),
    itemCommand(
      { names: ["核实", "/核实"], summary: M.verifySummary },
      M.usage.verify,
      textAct(setting, "verify"),
    ),
    itemCommand(
      { names: ["口径", "/口径"], summary: M.draftSummary },
      M.usage.draft,
      textAct(setting, "draft"),
    ),
    itemCommand(
      { names: ["同意发布", "/同意发布"], summary: M.approveSummary },
      M.usage.approve,
      (ctx, item) => approveItem(ctx, setting, item),
    ),
    itemCommand(
      { names: ["修改意见", "/修改意见"], summary: M.reviseSummary },
      M.usage.revise,
      textAct(setting, "revise"),
    ),
    itemCommand(
      { names: ["已回应", "/已回应"], summary: M.respondSummary },
      M.usage.respond,
      textAct(setting, "respond"),
    ),
  ];
}
