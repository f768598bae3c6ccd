/** 已阅 2026-0042 (text platforms) and the 已阅 button. */
import type { ActionHandler, Command } from "../../bot/core/capability.ts";
import type { ConversationContext } from "../../bot/core/context.ts";
import { coreReplies } from "../../bot/core/replies.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { acknowledge } from "./acknowledge.ts";
import { incidentById, incidentByNumberText } from "./find-incident.ts";
import type { Incident } from "./incident-store.ts";
import { COMMAND_WORDS, incidentMessages, alertMessages as M } from "./messages.ts";

/** Acknowledges under the incident rules; without them (an incident filed before they were removed) says so. */
async function acknowledgeUnder(
  ctx: ConversationContext,
  rules: IncidentPolicy | undefined,
  incident: Incident,
) {
  if (!rules) return ctx.reply(incidentMessages.notConfigured);
  await acknowledge(ctx, rules, incident);
}

/** `timezone`: the office's, in which a number's year is read. */
export const acknowledgeCommand = (rules: IncidentPolicy | undefined, timezone: string): Command => ({
  names: ["已阅", "/ack"],
  heardWithoutMention: true,
  summary: M.ackSummary,
  async run(ctx, args) {
    if (!args) return ctx.reply(M.needNumber(COMMAND_WORDS.acknowledge));
    const incident = await incidentByNumberText(ctx, args.split(/\s+/)[0] ?? "", timezone);
    if (incident) await acknowledgeUnder(ctx, rules, incident);
  },
});

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

export const acknowledgeButton =
  (rules: IncidentPolicy | undefined): ActionHandler["run"] =>
  async (ctx, id) => {
    const incident = await incidentById(ctx, id);
    if (incident) await acknowledgeUnder(ctx, rules, incident);
  };
