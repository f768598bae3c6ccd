/**
 * Who may have the office's spreadsheets (统计表, 零报告台账, 督办台账, 舆情台账): they list every
 * unit, so leaders, the duty office and admins; a unit's people ask for their own figures in chat.
 */
import type { Person, Role } from "../../../config/org.ts";

export const SHEET_ROLES: readonly Role[] = ["leader", "duty", "admin"];

export function mayHaveSheets(person: Pick<Person, "roles">): boolean {
  return person.roles.some((role) => SHEET_ROLES.includes(role));
}
