/** What the 续报 and 终报 dialogs start from: the incident the command chose, by id. */
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { Element } from "../../../config/incident-policy.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { incidentMissing } from "../alert-card.ts";
import { casualtiesOnFile } from "../first-report/first-report-data.ts";
import { type Incident, IncidentStore } from "../incident-store.ts";
import { ELEMENT_NAMES } from "../messages.ts";
import type { IncidentRef } from "./follow-up-data.ts";

const ELEMENT_BY_NAME = new Map(
  (Object.entries(ELEMENT_NAMES) as [Element, string][]).map(([element, name]) => [name, element]),
);

/** The required elements the incident lacks, as policy element ids (the alert card's own rule). */
export function missingElementsOf(incident: Incident, rules: IncidentPolicy): Element[] {
  return incidentMissing(incident, rules).flatMap((name) => {
    const element = ELEMENT_BY_NAME.get(name);
    return element ? [element] : [];
  });
}

/** What a command hands the dialog: the incident id, then any text written after the command. */
export function dialogArgs(incidentId: number, text: string): string {
  return text ? `${incidentId} ${text}` : String(incidentId);
}

/**
 * The incident a dialog was started for (the command checked it a moment ago) and the text
 * written after the command, when it is long enough to be an answer.
 */
export async function loadIncident(
  ctx: ConversationContext,
  args: string,
): Promise<{ incident: Incident; text: string | undefined }> {
  const [, idText = "", rest = ""] = /^(\d+)\s*([\s\S]*)$/.exec(args) ?? [];
  const incident = await new IncidentStore(ctx.services.database).byId(Number(idText));
  if (!incident) throw new Error(`incident ${idText} not found`);
  const text = rest.trim().slice(0, MAX_TEXT);
  return { incident, text: text.length >= MIN_TEXT ? text : undefined };
}

/** The shortest text taken as an answer (the 进展情况 and 处置结果 steps ask for 4 characters). */
const MIN_TEXT = 4;
const MAX_TEXT = 2000;

export function incidentRef(incident: Incident, ctx: ConversationContext): IncidentRef {
  return {
    incidentId: incident.id,
    number: incident.number,
    what: `${ctx.services.directory.unitName(incident.unitId)} ${incident.type}`,
    casualtiesOnFile: casualtiesOnFile(incident),
  };
}
