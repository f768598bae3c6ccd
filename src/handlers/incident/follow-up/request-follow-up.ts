/**
 * 要求续报: a leader, a director (by policy, those who may acknowledge) or a duty officer asks the
 * reporting unit for news. The request goes to the unit's group, mentioning the reporter and the
 * unit's directors, and stays on the timeline. Without incident rules (an incident filed before they
 * were removed) it says reporting is not configured, as 已阅 does.
 */
import type { ActionHandler, Command } from "../../../bot/core/capability.ts";
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { unitChat } from "../../office/audience.ts";
import { incidentById, incidentByNumberText } from "../find-incident.ts";
import { type Incident, IncidentStore } from "../incident-store.ts";
import { alertMessages, incidentMessages } from "../messages.ts";
import { mayRequestFollowUp } from "../rules/who-may.ts";
import { COMMAND_WORDS, followUpMessages as M } from "./messages.ts";

export async function requestFollowUp(
  ctx: ConversationContext,
  rules: IncidentPolicy | undefined,
  incident: Incident,
): Promise<void> {
  if (!rules) return ctx.reply(incidentMessages.notConfigured);
  const { directory, clock, database } = ctx.services;
  if (!mayRequestFollowUp(ctx.person, rules.incident)) return ctx.reply(M.cannotRequest);
  if (incident.status !== "open") return ctx.reply(alertMessages.closed(incident.number));
  const unitPeople = [
    incident.reporterId,
    ...directory.withRole("director", incident.unitId).map((p) => p.id),
  ].filter((id, i, all) => all.indexOf(id) === i && id !== ctx.person.id);
  await ctx.send(unitChat(directory, incident), {
    text: M.requestInUnit(ctx.person.name, incident.number),
    mentions: unitPeople,
  });
  await new IncidentStore(database).record(incident.id, "follow_up_requested", clock.now(), ctx.person.id, {
    to: unitPeople,
  });
  if (ctx.chat.id !== unitChat(directory, incident))
    await ctx.reply(M.requestDone(incident.number, directory.unitName(incident.unitId)));
}

/** The `要求续报` button on alert and 续报 cards: `inc:followup:<incident id>`. */
export const requestFollowUpButton =
  (rules: IncidentPolicy | undefined): ActionHandler["run"] =>
  async (ctx, id) => {
    const incident = await incidentById(ctx, id);
    if (incident) await requestFollowUp(ctx, rules, incident);
  };

/** `要求续报 2026-0042`, for platforms without buttons; the number's year is read in the office's `timezone`. */
export const requestFollowUpCommand = (rules: IncidentPolicy | undefined, timezone: string): Command => ({
  names: ["要求续报", "/requestfollowup"],
  summary: M.requestSummary,
  async run(ctx, args) {
    const number = args.trim().split(/\s+/)[0] ?? "";
    if (!number) return ctx.reply(alertMessages.needNumber(COMMAND_WORDS.request));
    const incident = await incidentByNumberText(ctx, number, timezone);
    if (incident) await requestFollowUp(ctx, rules, incident);
  },
});
