/** Where a unit is reached for its daily report: its work group (mentioning its reporters), else its reporters one to one. */
import type { Directory } from "../../bot/core/directory.ts";
import { directChatId } from "../../bot/core/message.ts";

export interface UnitContact {
  chatIds: string[];
  reporters: string[];
}

/** Contacts of every unit, built once per job (a cut-off may cover thousands of units). */
export function unitContacts(directory: Directory): (unitId: string) => UnitContact {
  const groupOf = new Map<string, string>();
  for (const chat of directory.groupsWithPurpose("unit"))
    if (chat.group?.unit && !groupOf.has(chat.group.unit)) groupOf.set(chat.group.unit, chat.id);
  const reportersOf = new Map<string, string[]>();
  for (const person of directory.people())
    if (person.roles.includes("reporter"))
      reportersOf.set(person.unit, [...(reportersOf.get(person.unit) ?? []), person.id]);
  return (unitId) => {
    const reporters = reportersOf.get(unitId) ?? [];
    const group = groupOf.get(unitId);
    return { chatIds: group ? [group] : reporters.map(directChatId), reporters };
  };
}
