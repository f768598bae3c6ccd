/** What the 续报 and 终报 dialogs start from: the incident the command chose, by id. */
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { Element } from "../../../config/incident-policy.ts";
import { incidentMissing } from "../alert-card.ts";
import { policyOf } from "../first-report/first-report-steps.ts";
import { type Incident, IncidentStore } from "../incident-store.ts";
import { ELEMENT_NAMES } from "../messages.ts";
import type { IncidentRef } from "./follow-up-data.ts";

const ELEMENT_BY_NAME = new Map(
  (Object.entries(ELEMENT_NAMES) as [Element, string][]).map(([element, name]) => [name, element]),
);

/** The required elements the incident lacks, as policy element ids (the alert card's own rule). */
export function missingElementsOf(incident: Incident, ctx: ConversationContext): Element[] {
  return incidentMissing(incident, policyOf(ctx)).flatMap((name) => {
    const element = ELEMENT_BY_NAME.get(name);
    return element ? [element] : [];
  });
}

/** The incident a dialog was started for; the command checked it a moment ago. */
export async function loadIncident(ctx: ConversationContext, idText: string): Promise<Incident> {
  const incident = await new IncidentStore(ctx.services.prisma).byId(Number(idText));
  if (!incident) throw new Error(`incident ${idText} not found`);
  return incident;
}

export function incidentRef(incident: Incident, ctx: ConversationContext): IncidentRef {
  return {
    incidentId: incident.id,
    number: incident.number,
    what: `${ctx.services.directory.unitName(incident.unitId)} ${incident.type}`,
    casualtiesOnFile:
      incident.deaths === null
        ? null
        : { deaths: incident.deaths, injured: incident.injured ?? 0, missing: incident.missing ?? 0 },
  };
}
