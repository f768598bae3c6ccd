/**
 * Where a unit hears about its task: its work group, mentioning its directors and reporters; anyone
 * of them the group does not hold gets it one-to-one (all of them, when the unit has no group).
 * Pure: the directory is an input.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import { directChatId } from "../../../bot/core/message.ts";

/** One post: the chat and the people it mentions. */
export interface UnitDelivery {
  chatId: string;
  mentions: string[];
}

/** The unit's directors, then its reporters (org file order). */
export function unitPeople(directory: Directory, unitId: string): string[] {
  const ids = [...directory.withRole("director", unitId), ...directory.withRole("reporter", unitId)].map(
    (p) => p.id,
  );
  return [...new Set(ids)];
}

/** The unit's work group, if it has one. */
export function unitGroup(directory: Directory, unitId: string): string | undefined {
  return directory.groupsWithPurpose("unit").find((c) => c.group?.unit === unitId)?.id;
}

/** The posts that bring a task card to the unit. */
export function unitDeliveries(directory: Directory, unitId: string): UnitDelivery[] {
  const people = unitPeople(directory, unitId);
  const group = unitGroup(directory, unitId);
  const inGroup = group ? directory.membersAmong(group, people) : [];
  const deliveries: UnitDelivery[] = group ? [{ chatId: group, mentions: inGroup }] : [];
  for (const id of people.filter((p) => !inGroup.includes(p)))
    deliveries.push({ chatId: directChatId(id), mentions: [] });
  return deliveries;
}
