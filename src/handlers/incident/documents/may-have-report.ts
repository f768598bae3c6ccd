/**
 * Who may have an incident's 信息专报: leaders, the duty office and admins, any incident; a unit's
 * director, their own unit's. Pure.
 */
import type { Person } from "../../../config/org.ts";
import { mayHaveOfficeDocuments } from "../../office/desk-viewer.ts";
import type { Incident } from "../incident-store.ts";

export function mayHaveIncidentReport(
  person: Pick<Person, "roles" | "unit">,
  incident: Pick<Incident, "unitId">,
): boolean {
  if (mayHaveOfficeDocuments(person)) return true;
  return person.roles.includes("director") && person.unit === incident.unitId;
}
