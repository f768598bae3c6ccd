/**
 * `舆情`: alone, the open items the person may see and then the guided 登记 (取消 leaves it);
 * with a paragraph, the 登记 started from it (what was read shown, only what is missing asked).
 */
import type { Command } from "../../../bot/core/capability.ts";
import { openItemsText } from "../open-items.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { registerMessages as M } from "./messages.ts";
import { REGISTER_DIALOG } from "./register-dialog.ts";

export const registerCommand = (setting: OpinionSetting): Command => ({
  names: ["舆情", "/opinion", "/舆情"],
  summary: M.commandSummary,
  async run(ctx, args) {
    const paragraph = args.trim();
    if (!paragraph) await ctx.reply(await openItemsText(ctx, setting));
    await ctx.startDialog(REGISTER_DIALOG, paragraph);
  },
});
