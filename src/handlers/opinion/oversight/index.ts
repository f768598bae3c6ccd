/**
 * 舆情 — oversight/: the leaders' and the duty office's steps on an item — 已阅, 批示 (a short dialog
 * from the button), 转突发 (the incident 首报 dialog filled from the item, and the item linked to
 * the incident once it is filed) and 办结 —, as the alert's buttons and typed forms.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { buttonItem } from "../found-item.ts";
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { closeItem } from "./close-item.ts";
import { convertItem } from "./convert-item.ts";
import { incidentFiledListener } from "./incident-filed.ts";
import { INSTRUCT_DIALOG, instructDialog } from "./instruct-dialog.ts";
import { instructRefusal } from "./instruct-item.ts";
import { readItem } from "./read-item.ts";
import { typedCommands } from "./typed-commands.ts";

type Press = (ctx: ConversationContext, item: OpinionItem) => Promise<void>;

/** A button that acts on the item it names (after saying so when the item is gone). */
const button = (press: Press) => async (ctx: ConversationContext, itemId: number) => {
  const item = await buttonItem(ctx, itemId);
  if (item) await press(ctx, item);
};

export function oversightParts(setting: OpinionSetting): OpinionParts {
  return {
    commands: typedCommands(setting),
    dialogs: [instructDialog(setting)],
    listeners: [incidentFiledListener],
    buttons: {
      read: button((ctx, item) => readItem(ctx, setting, item)),
      instruct: button(async (ctx, item) => {
        const refusal = instructRefusal(ctx, setting, item);
        if (refusal) return ctx.reply(refusal);
        await ctx.startDialog(INSTRUCT_DIALOG, String(item.id));
      }),
      convert: button((ctx, item) => convertItem(ctx, setting, item)),
      close: button((ctx, item) => closeItem(ctx, setting, item)),
    },
  };
}
