/**
 * 转突发 on a 舆情 item (the button on every alert card, or `转突发 Y2026-0001`): anyone in the org
 * may. Records a `converted` step and opens the incident 首报 dialog in the presser's chat from a
 * paragraph made of the item, the item as its origin; the incident rules then apply. Without
 * incident rules it says reporting is not configured; an item already turned into an incident says
 * which one.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { FIRST_REPORT_DIALOG } from "../../incident/first-report/first-report-dialog.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { convertParagraph } from "./convert-paragraph.ts";
import { oversightMessages as M } from "./messages.ts";

/** The `kind` of a 首报's origin when it was started from a 舆情 item. */
export const OPINION_ORIGIN = "opinion";

export async function convertItem(
  ctx: ConversationContext,
  { incident, office }: OpinionSetting,
  item: OpinionItem,
): Promise<void> {
  if (!incident) return ctx.reply(M.reportingOff);
  if (item.status === "closed") return ctx.reply(M.itemClosed(item.number));
  const { database, directory, clock } = ctx.services;
  const store = new OpinionStore(database);
  if (item.incidentId !== null) {
    const filed = (await store.eventsOf([item.id], ["incident_filed"])).at(-1);
    const number = (filed?.detail as { number?: string } | null)?.number ?? String(item.incidentId);
    return ctx.reply(M.alreadyConverted(item.number, number));
  }
  await store.addEvent(item.id, { kind: "converted", at: clock.now(), actorId: ctx.person.id });
  const paragraph = convertParagraph(item, directory.unitName(item.unitId), office.timezone);
  await ctx.startDialog(FIRST_REPORT_DIALOG, paragraph, { kind: OPINION_ORIGIN, id: item.id });
}
