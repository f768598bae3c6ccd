/**
 * Who oversees every item of the office (督办 tasks, 舆情 items): leaders and the duty office see
 * all of them; everyone else sees what concerns their own unit or what they started.
 */
import type { Person, Role } from "../../config/org.ts";

export const OVERSIGHT_ROLES: readonly Role[] = ["leader", "duty"];

export function seesEverything(person: Pick<Person, "roles">): boolean {
  return person.roles.some((r) => OVERSIGHT_ROLES.includes(r));
}

/**
 * Who sees the whole duty desk (every unit's incidents, every unit in the charts): leaders, the duty
 * office and admins (who run the desk); everyone else sees their own unit's.
 */
export function seesWholeDesk(person: Pick<Person, "roles">): boolean {
  return seesEverything(person) || person.roles.includes("admin");
}
