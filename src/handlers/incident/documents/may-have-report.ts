/**
 * Who may have an incident's 信息专报: leaders, the duty office and admins, any incident; a unit's
 * director, their own unit's. Pure.
 */
import type { Person, Role } from "../../../config/org.ts";
import type { Incident } from "../incident-store.ts";

/** Roles that may have every document; the command is offered to these and to directors. */
export const DOCUMENT_ROLES: readonly Role[] = ["leader", "duty", "admin"];

export function mayHaveIncidentReport(
  person: Pick<Person, "roles" | "unit">,
  incident: Pick<Incident, "unitId">,
): boolean {
  if (person.roles.some((r) => DOCUMENT_ROLES.includes(r))) return true;
  return person.roles.includes("director") && person.unit === incident.unitId;
}
