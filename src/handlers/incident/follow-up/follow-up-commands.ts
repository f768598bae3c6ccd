/**
 * 续报 and 终报: choose the incident (by number, or the unit's only open one) and start the dialog.
 * Text after the command (`续报 伤员已转院`) is the dialog's first answer (进展情况 / 处置结果).
 * Without incident rules both answer that reporting is not configured.
 */
import type { Command } from "../../../bot/core/capability.ts";
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { notConfiguredCommand } from "../not-configured.ts";
import { chooseOwnOpenIncident, splitNumber } from "./choose-incident.ts";
import { FINAL_REPORT_DIALOG } from "./final-report-dialog.ts";
import { FOLLOW_UP_DIALOG } from "./follow-up-dialog.ts";
import { dialogArgs } from "./incident-ref.ts";
import { COMMAND_WORDS, followUpMessages as M } from "./messages.ts";

/** A command that chooses the incident (`command` names it in the replies) and starts `dialogId` for it. */
function startingDialog(
  about: Omit<Command, "run">,
  rules: IncidentPolicy | undefined,
  command: string,
  dialogId: string,
): Command {
  if (!rules) return notConfiguredCommand(about);
  return {
    ...about,
    async run(ctx: ConversationContext, args: string) {
      const { numberText, text } = splitNumber(args);
      const incident = await chooseOwnOpenIncident(ctx, numberText, command, rules.timezone);
      if (incident) await ctx.startDialog(dialogId, dialogArgs(incident.id, text));
    },
  };
}

export const followUpCommand = (rules: IncidentPolicy | undefined): Command =>
  startingDialog(
    { names: ["续报", "补报", "/followup"], summary: M.followUpSummary },
    rules,
    COMMAND_WORDS.followUp,
    FOLLOW_UP_DIALOG,
  );

export const finalReportCommand = (rules: IncidentPolicy | undefined): Command =>
  startingDialog(
    { names: ["终报", "/final"], summary: M.finalSummary },
    rules,
    COMMAND_WORDS.final,
    FINAL_REPORT_DIALOG,
  );
