/** What every incident job starts with: the incident as it is now, or nothing when there is nothing left to do. */
import type { JobContext } from "../../../bot/core/context.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { type Incident, IncidentStore } from "../incident-store.ts";

export interface OpenIncident {
  incident: Incident;
  store: IncidentStore;
  policy: IncidentPolicy;
}

export async function loadOpenIncident(ctx: JobContext, incidentId: number): Promise<OpenIncident | null> {
  const store = new IncidentStore(ctx.services.prisma);
  const incident = await store.byId(incidentId);
  if (incident?.status !== "open") return null;
  return { incident, store, policy: ctx.services.policy as IncidentPolicy };
}
