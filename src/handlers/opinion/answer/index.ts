/**
 * 舆情 — answer/: the responsible unit's 签收, 核实, 口径 and 已回应, and the approvers' 同意发布 and
 * 修改意见 on the 口径 review card; as buttons (the unit's alert card, the review card; those that
 * need words open a short dialog) and typed forms. Rules of who and when: answer-rules.ts.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { buttonItem } from "../found-item.ts";
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { answerDialogs } from "./answer-dialogs.ts";
import { approveItem } from "./approve-item.ts";
import { signItem } from "./sign-item.ts";
import { askForText, typedCommands } from "./typed-commands.ts";

type Press = (ctx: ConversationContext, item: OpinionItem) => Promise<void>;

/** A button that acts on the item it names (after saying so when the item is gone). */
const button = (press: Press) => async (ctx: ConversationContext, itemId: number) => {
  const item = await buttonItem(ctx, itemId);
  if (item) await press(ctx, item);
};

export function answerParts(setting: OpinionSetting): OpinionParts {
  return {
    commands: typedCommands(setting),
    dialogs: answerDialogs(setting),
    buttons: {
      sign: button((ctx, item) => signItem(ctx, setting, item)),
      verify: button((ctx, item) => askForText(ctx, setting, "verify", item)),
      draft: button((ctx, item) => askForText(ctx, setting, "draft", item)),
      approve: button((ctx, item) => approveItem(ctx, setting, item)),
      revise: button((ctx, item) => askForText(ctx, setting, "revise", item)),
      respond: button((ctx, item) => askForText(ctx, setting, "respond", item)),
    },
  };
}
