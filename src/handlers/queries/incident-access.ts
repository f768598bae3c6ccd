/**
 * Who may look at incidents: the reporting unit's own people, and those who oversee every unit
 * (duty officers, directors, leaders). Reports are internal government information, so a clerk
 * of one township does not read another's.
 */
import type { Person, Role } from "../../config/org.ts";
import type { Incident } from "../incident/incident-store.ts";

const OVERSIGHT_ROLES: readonly Role[] = ["duty", "director", "leader"];

/** Sees every unit's incidents (查询 any number, 进行中 of all units). */
export function overseesAll(person: Pick<Person, "roles">): boolean {
  return person.roles.some((r) => OVERSIGHT_ROLES.includes(r));
}

export function canViewIncident(
  person: Pick<Person, "roles" | "unit">,
  incident: Pick<Incident, "unitId">,
): boolean {
  return person.unit === incident.unitId || overseesAll(person);
}
