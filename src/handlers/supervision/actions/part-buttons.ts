/**
 * The buttons of a task's cards, `task:<action>:<part id>`: the unit's 签收 / 反馈 / 申请延期 /
 * 申请办结 on the task card, the assigner's 同意延期 / 不同意 / 确认办结 / 退回 on the request cards.
 * Those that need words start a short dialog (after checking the person may); the others act at once.
 * A part that no longer exists, or a value that is no action, is a stale button.
 */
import type { ActionHandler } from "../../../bot/core/capability.ts";
import type { ConversationContext } from "../../../bot/core/context.ts";
import { supervisionMessages } from "../messages.ts";
import { PART_ACTION_PREFIX, type PartAction, parsePartAction } from "../task-actions.ts";
import { closeAnswerRefusal, confirmClose } from "./close-answer.ts";
import { closeRequestRefusal } from "./close-request.ts";
import { grantExtension, refuseExtension } from "./extension-answer.ts";
import { extensionRefusal } from "./extension-request.ts";
import { buttonPart, type FoundPart } from "./found-part.ts";
import { PART_DIALOGS } from "./part-dialogs.ts";
import type { ActionRules } from "./part-rules.ts";
import { signPart } from "./sign.ts";
import { unitStepRefusal } from "./unit-step-refusal.ts";

type Press = (ctx: ConversationContext, found: FoundPart) => Promise<void>;

/** Starts `dialogId` for the part unless `refusal` says why the person may not. */
const dialogAfter =
  (dialogId: string, refusal: (ctx: ConversationContext, found: FoundPart) => string | null): Press =>
  async (ctx, found) => {
    const why = refusal(ctx, found);
    if (why) return ctx.reply(why);
    await ctx.startDialog(dialogId, String(found.part.id));
  };

/** The handler of every part button under the capability's rules. */
export function partButtons(actionRules: ActionRules): ActionHandler {
  const presses: Record<PartAction, Press> = {
    sign: (ctx, found) => signPart(ctx, actionRules, found),
    progress: dialogAfter(PART_DIALOGS.progress, (ctx, found) =>
      unitStepRefusal(ctx.person, ctx.services.directory, found),
    ),
    extend: dialogAfter(PART_DIALOGS.extend, (ctx, found) =>
      extensionRefusal(ctx, actionRules.timezone, found),
    ),
    close: dialogAfter(PART_DIALOGS.close, closeRequestRefusal),
    grant: (ctx, found) => grantExtension(ctx, actionRules, found),
    refuse: (ctx, found) => refuseExtension(ctx, actionRules, found),
    confirm: (ctx, found) => confirmClose(ctx, actionRules, found),
    return: dialogAfter(PART_DIALOGS.return, (ctx, found) => closeAnswerRefusal(ctx, actionRules, found)),
  };
  return {
    prefix: PART_ACTION_PREFIX,
    async run(ctx, value) {
      const parsed = parsePartAction(value);
      if (!parsed) return ctx.reply(supervisionMessages.staleButton);
      const found = await buttonPart(ctx, parsed.partId);
      if (found) await presses[parsed.action](ctx, found);
    },
  };
}
