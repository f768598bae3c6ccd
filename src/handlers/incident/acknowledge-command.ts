/** 已阅 2026-0042 (text platforms) and the 已阅 button. */
import type { ActionHandler, Command } from "../../bot/core/capability.ts";
import { coreReplies } from "../../bot/core/replies.ts";
import { acknowledge } from "./acknowledge.ts";
import { incidentById, incidentByNumberText } from "./find-incident.ts";
import { COMMAND_WORDS, alertMessages as M } from "./messages.ts";

export const acknowledgeCommand: Command = {
  names: ["已阅", "/ack"],
  summary: M.ackSummary,
  async run(ctx, args) {
    if (!args) return ctx.reply(M.needNumber(COMMAND_WORDS.acknowledge));
    const incident = await incidentByNumberText(ctx, args.split(/\s+/)[0] ?? "");
    if (incident) await acknowledge(ctx, incident);
  },
};

/** Buttons on incident cards: `inc:<verb>:<incident id>`; 批示 and 要求续报 register their verbs. */
export function incidentActionHandler(verbs: Record<string, ActionHandler["run"]>): ActionHandler {
  return {
    prefix: "inc",
    async run(ctx, value) {
      const [verb = "", id = ""] = value.split(":");
      const handler = verbs[verb];
      if (!handler) return ctx.reply(coreReplies.staleAction);
      await handler(ctx, id);
    },
  };
}

export const acknowledgeButton: ActionHandler["run"] = async (ctx, id) => {
  const incident = await incidentById(ctx, id);
  if (incident) await acknowledge(ctx, incident);
};
