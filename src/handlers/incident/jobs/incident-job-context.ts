/** What every incident job starts with: the incident as it is now, or nothing when there is nothing left to do. */
import type { JobContext } from "../../../bot/core/context.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { type Incident, IncidentStore } from "../incident-store.ts";

export interface OpenIncident {
  incident: Incident;
  store: IncidentStore;
  policy: IncidentPolicy;
}

/** Nothing, too, when the policy has no incident rules (`policy` undefined): the capability is switched off. */
export async function loadOpenIncident(
  ctx: JobContext,
  policy: IncidentPolicy | undefined,
  incidentId: number,
): Promise<OpenIncident | null> {
  if (!policy) return null;
  const store = new IncidentStore(ctx.services.database);
  const incident = await store.byId(incidentId);
  if (incident?.status !== "open") return null;
  return { incident, store, policy };
}
