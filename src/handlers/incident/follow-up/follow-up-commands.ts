/** 续报 and 终报: choose the incident (by number, or the unit's only open one) and start the dialog. */
import type { Command } from "../../../bot/core/capability.ts";
import type { ConversationContext } from "../../../bot/core/context.ts";
import { hasIncidentRules } from "../../../config/policy.ts";
import { incidentMessages } from "../messages.ts";
import { chooseOwnOpenIncident } from "./choose-incident.ts";
import { FINAL_REPORT_DIALOG } from "./final-report-dialog.ts";
import { FOLLOW_UP_DIALOG } from "./follow-up-dialog.ts";
import { followUpMessages as M } from "./messages.ts";

async function startFor(ctx: ConversationContext, args: string, command: string, dialogId: string) {
  if (!hasIncidentRules(ctx.services.policy)) return ctx.reply(incidentMessages.notConfigured);
  const incident = await chooseOwnOpenIncident(ctx, args, command);
  if (incident) await ctx.startDialog(dialogId, String(incident.id));
}

export const followUpCommand: Command = {
  names: ["续报", "补报", "/followup"],
  summary: M.followUpSummary,
  run: (ctx, args) => startFor(ctx, args, "续报", FOLLOW_UP_DIALOG),
};

export const finalReportCommand: Command = {
  names: ["终报", "/final"],
  summary: M.finalSummary,
  run: (ctx, args) => startFor(ctx, args, "终报", FINAL_REPORT_DIALOG),
};
