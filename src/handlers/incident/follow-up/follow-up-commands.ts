/**
 * 续报 and 终报: choose the incident (by number, or the unit's only open one) and start the dialog.
 * Text after the command (`续报 伤员已转院`) is the dialog's first answer (进展情况 / 处置结果).
 */
import type { Command } from "../../../bot/core/capability.ts";
import type { ConversationContext } from "../../../bot/core/context.ts";
import { chooseOwnOpenIncident, splitNumber } from "./choose-incident.ts";
import { FINAL_REPORT_DIALOG } from "./final-report-dialog.ts";
import { FOLLOW_UP_DIALOG } from "./follow-up-dialog.ts";
import { dialogArgs } from "./incident-ref.ts";
import { COMMAND_WORDS, followUpMessages as M } from "./messages.ts";

async function startFor(ctx: ConversationContext, args: string, command: string, dialogId: string) {
  const { numberText, text } = splitNumber(args);
  const incident = await chooseOwnOpenIncident(ctx, numberText, command);
  if (incident) await ctx.startDialog(dialogId, dialogArgs(incident.id, text));
}

export const followUpCommand: Command = {
  names: ["续报", "补报", "/followup"],
  summary: M.followUpSummary,
  run: (ctx, args) => startFor(ctx, args, COMMAND_WORDS.followUp, FOLLOW_UP_DIALOG),
};

export const finalReportCommand: Command = {
  names: ["终报", "/final"],
  summary: M.finalSummary,
  run: (ctx, args) => startFor(ctx, args, COMMAND_WORDS.final, FINAL_REPORT_DIALOG),
};
