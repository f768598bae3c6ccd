/**
 * 转督办: the 批示 card's button (`task-convert:<instruction id>`) and `转督办 2026-0042` typed (the
 * incident's latest 批示) start the 交办 dialog for the reporting unit with the 批示 as content; the
 * deadline is asked, then the same summary card (确认交办 / 修改).
 */
import type { ActionHandler, Command } from "../../../bot/core/capability.ts";
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { incidentByNumberText } from "../../incident/find-incident.ts";
import type { Office } from "../../office/office.ts";
import { CONVERT_ACTION_PREFIX } from "../task-actions.ts";
import { ASSIGN_DIALOG } from "./assign-dialog.ts";
import { CONVERT_ARG, latestInstructionId } from "./convert-source.ts";
import { mayAssign } from "./may-assign.ts";
import { assignMessages as M } from "./messages.ts";

export const convertCommand = (rules: TasksPolicy, office: Office): Command => ({
  names: ["转督办", "/转督办"],
  summary: M.convertSummary,
  async run(ctx, args) {
    if (!(await mayAssign(ctx, rules, true))) return;
    const numberText = args.trim().split(/\s+/)[0] ?? "";
    if (!numberText) return ctx.reply(M.convertUsage);
    const incident = await incidentByNumberText(ctx, numberText, office.timezone);
    if (!incident) return;
    const instructionId = await latestInstructionId(ctx.services.database, incident.id);
    if (instructionId === null) return ctx.reply(M.convertNoInstruction(incident.number));
    await startConversion(ctx, instructionId);
  },
});

export const convertAction = (rules: TasksPolicy): ActionHandler => ({
  prefix: CONVERT_ACTION_PREFIX,
  async run(ctx, value) {
    if (!(await mayAssign(ctx, rules, true))) return;
    const id = Number(value);
    const exists =
      Number.isInteger(id) && (await ctx.services.database.instruction.count({ where: { id } })) > 0;
    if (!exists) return ctx.reply(M.convertStale);
    await startConversion(ctx, id);
  },
});

/** The dialog for this 批示, or the number it was already turned into. */
async function startConversion(ctx: ConversationContext, instructionId: number): Promise<void> {
  const earlier = await ctx.services.database.supervisionTask.findFirst({
    where: { instructionId },
    orderBy: { id: "asc" },
  });
  if (earlier) return ctx.reply(M.convertedAlready(earlier.number));
  await ctx.startDialog(ASSIGN_DIALOG, `${CONVERT_ARG}${instructionId}`);
}
