/**
 * Which units a 交办 or a 舆情 can name, as the org file has them: the units with a work group (the card
 * goes there), in the org file's order, numbered for the dialog; every unit by name and short name.
 */
import type { Directory } from "../../bot/core/directory.ts";
import { type UnitNames, unitNames } from "./unit-names.ts";

/** The units the dialog lists (by number): those with a work group, else every unit. */
export function offeredUnits(directory: Directory): string[] {
  const withGroup = new Set(
    directory
      .groupsWithPurpose("unit")
      .map((c) => c.group?.unit)
      .filter((u): u is string => u !== undefined),
  );
  const units = directory.org.units.map((u) => u.id);
  const offered = units.filter((id) => withGroup.has(id));
  return offered.length > 0 ? offered : units;
}

/** Every name a unit answers to in a 交办 (full, short, its work group's). */
export function namesOfUnits(directory: Directory): UnitNames {
  const groups = directory.groupsWithPurpose("unit");
  return unitNames(
    directory.org.units.map((u) => ({
      id: u.id,
      name: u.name,
      groupNames: groups.filter((c) => c.group?.unit === u.id).map((c) => c.name),
    })),
  );
}

/** The units a dialog offers, `1. 县应急管理局` one per line (numbered as replies name them). */
export function offeredUnitList(directory: Directory): string {
  return offeredUnits(directory)
    .map((id, i) => `${i + 1}. ${directory.unitName(id)}`)
    .join("\n");
}
