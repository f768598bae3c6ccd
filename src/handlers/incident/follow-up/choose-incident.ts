/**
 * Which incident a 续报 or 终报 is about: the number written after the command, or the unit's only
 * open incident. Only the reporting unit's people may report on it, and only while it is open.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import { incidentByNumberText } from "../find-incident.ts";
import { type Incident, IncidentStore } from "../incident-store.ts";
import { followUpMessages as M, reportCardMessages as R } from "./messages.ts";

/** `2026-0042`, `0042`, `42`: what an incident number looks like when it starts the arguments. */
const NUMBER = /^\d{1,6}(?:-\d{1,6})?$/;

/**
 * Splits `2026-0042 伤员已转院` into the number (if the arguments start with one) and the text
 * after it, which the dialog takes as its first answer.
 */
export function splitNumber(args: string): { numberText: string; text: string } {
  const [first = "", ...rest] = args.trim().split(/\s+/);
  return NUMBER.test(first)
    ? { numberText: first, text: rest.join(" ") }
    : { numberText: "", text: args.trim() };
}

/**
 * The open incident of the person's unit that `numberText` names (or the only one), or null after
 * telling the person why not. `command` (续报 / 终报) is used in the replies; times are shown in `timezone`.
 */
export async function chooseOwnOpenIncident(
  ctx: ConversationContext,
  numberText: string,
  command: string,
  timezone: string,
): Promise<Incident | null> {
  const { directory, database } = ctx.services;
  const group = ctx.chat.group;
  if (group && group.purpose === "unit" && group.unit !== ctx.person.unit) {
    await ctx.reply(M.unknownChat);
    return null;
  }
  if (numberText) {
    const incident = await incidentByNumberText(ctx, numberText, timezone);
    if (!incident) return null;
    if (incident.unitId !== ctx.person.unit) {
      await ctx.reply(M.otherUnit(incident.number, directory.unitName(incident.unitId), command));
      return null;
    }
    if (incident.status !== "open") {
      await ctx.reply(M.closed(incident.number));
      return null;
    }
    return incident;
  }
  const open = await new IncidentStore(database).openOfUnit(ctx.person.unit);
  if (open.length === 1) return open[0] as Incident;
  if (open.length === 0) {
    await ctx.reply(M.noneOpen(command));
    return null;
  }
  const lines = open.map((i) =>
    R.openLine(i.number, i.type, i.location ?? "", formatLocalTime(i.reportedAt, timezone)),
  );
  await ctx.reply(M.severalOpen(command, lines));
  return null;
}
