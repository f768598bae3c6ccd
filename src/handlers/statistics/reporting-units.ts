/** The units that report: those with a unit work group in the org file, in the org file's order. */
import type { Directory } from "../../bot/core/directory.ts";

export function reportingUnits(directory: Directory): string[] {
  const withGroup = new Set(directory.groupsWithPurpose("unit").map((chat) => chat.group?.unit));
  return directory.org.units.filter((unit) => withGroup.has(unit.id)).map((unit) => unit.id);
}
