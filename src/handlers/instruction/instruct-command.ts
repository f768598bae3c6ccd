/** `批示 2026-0042 请立即组织救援…` on any platform, and the 批示 button on alert cards (`instr:start:<id>`). */

import type { ActionHandler, Command } from "../../bot/core/capability.ts";
import { plainIssue } from "../../bot/core/dialog/plain-issue.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { incidentById, incidentByNumberText } from "../incident/find-incident.ts";
import { acceptsInstruction, instructingPolicy, submitInstruction } from "./give-instruction.ts";
import { INSTRUCTION_DIALOG } from "./instruction-dialog.ts";
import { instructionMessages as M } from "./messages.ts";
import { parseInstructArgs } from "./rules/instruct-args.ts";
import { instructionTextSchema } from "./rules/instruction-text.ts";

export const instructCommand = (rules: IncidentPolicy | undefined): Command => ({
  names: ["批示", "/instruct", "/批示"],
  summary: M.instructSummary,
  async run(ctx, args) {
    const policy = await instructingPolicy(ctx, rules);
    if (!policy) return;
    const parsed = parseInstructArgs(args);
    if (!parsed) return ctx.reply(M.usage);
    const incident = await incidentByNumberText(ctx, parsed.numberText, policy.timezone);
    if (!incident || !(await acceptsInstruction(ctx, incident))) return;
    if (!parsed.text) return ctx.startDialog(INSTRUCTION_DIALOG, String(incident.id));
    const text = instructionTextSchema.safeParse(parsed.text, { error: plainIssue });
    if (!text.success) return ctx.reply(text.error.issues[0]?.message ?? M.usage);
    await submitInstruction(ctx, rules, {
      incidentId: incident.id,
      text: text.data,
      sourceKey: `${ctx.event.platform}-${ctx.event.eventId}`,
    });
  },
});

/** The 批示 button: checks the person and the incident, then asks for the text. */
export const startInstructionButton =
  (rules: IncidentPolicy | undefined): ActionHandler["run"] =>
  async (ctx, id) => {
    if (!(await instructingPolicy(ctx, rules))) return;
    const incident = await incidentById(ctx, id);
    if (!incident || !(await acceptsInstruction(ctx, incident))) return;
    await ctx.startDialog(INSTRUCTION_DIALOG, String(incident.id));
  };
