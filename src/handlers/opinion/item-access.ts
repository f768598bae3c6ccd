/**
 * Who may look at 舆情 items: leaders and the duty office see every item; the person who registered
 * one sees it; a unit's people see the items their unit answers for.
 */
import type { Person } from "../../config/org.ts";
import { seesEverything } from "../office/oversight.ts";
import type { OpinionItem } from "./opinion-types.ts";

export function canViewItem(
  person: Pick<Person, "id" | "roles" | "unit">,
  item: Pick<OpinionItem, "unitId" | "registeredBy">,
): boolean {
  return seesEverything(person) || item.registeredBy === person.id || item.unitId === person.unit;
}
