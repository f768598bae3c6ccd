/** Finds the incident a command or button names, or says in Chinese why it cannot. */
import type { ConversationContext } from "../../bot/core/context.ts";
import { instantToLocal } from "../../bot/core/wall-clock.ts";
import { type Incident, IncidentStore } from "./incident-store.ts";
import { alertMessages as M } from "./messages.ts";
import { parseIncidentNumber } from "./rules/incident-number.ts";

/**
 * By the number a person typed (`2026-0042`, or `42` for this year's, the year in the office's
 * `timezone`). Replies and returns null when there is none.
 */
export async function incidentByNumberText(
  ctx: ConversationContext,
  text: string,
  timezone: string,
): Promise<Incident | null> {
  const year = instantToLocal(ctx.services.clock.now(), timezone).year;
  const number = parseIncidentNumber(text, year);
  const incident = number ? await new IncidentStore(ctx.services.database).byNumber(number) : null;
  if (!incident) await ctx.reply(M.unknownIncident(text));
  return incident;
}

/** By the id a button carries. Replies and returns null when there is none. */
export async function incidentById(ctx: ConversationContext, idText: string): Promise<Incident | null> {
  const id = Number(idText);
  const incident = Number.isInteger(id) ? await new IncidentStore(ctx.services.database).byId(id) : null;
  if (!incident) await ctx.reply(M.unknownIncident(idText));
  return incident;
}
