/** Buttons of the instruction capability: `instr:start:<incident id>` (批示) and `instr:receipt:<instruction id>` (收到). */
import type { ActionHandler } from "../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { startInstructionButton } from "./instruct-command.ts";
import { INSTRUCTION_ACTION_PREFIX } from "./instruction-card.ts";
import { instructionMessages as M } from "./messages.ts";
import { receiptButtonHandler } from "./receipt-command.ts";

/** `timezone`: the office's (a 收到 shows when it was given). */
export function instructionActions(rules: IncidentPolicy | undefined, timezone: string): ActionHandler {
  const verbs: Record<string, ActionHandler["run"]> = {
    start: startInstructionButton(rules),
    receipt: receiptButtonHandler(timezone),
  };
  return {
    prefix: INSTRUCTION_ACTION_PREFIX,
    async run(ctx, value) {
      const [verb = "", id = ""] = value.split(":");
      const handler = verbs[verb];
      if (!handler) return ctx.reply(M.staleButton);
      await handler(ctx, id);
    },
  };
}
