/**
 * Units as people name them (a 交办, a 舆情's responsible unit): the full name (县应急管理局), without the county's 县
 * (应急管理局), a town without 镇/乡 (青山), or its work group's name without 工作群 (应急局). Pure:
 * the org's units and groups are inputs; a short name two units share names neither.
 */

/** A unit and the group that names it, as the org file gives them. */
export interface NamedUnit {
  id: string;
  name: string;
  /** Names of its work groups (青山镇工作群). */
  groupNames?: readonly string[];
}

/** Every name a unit answers to, longest first, each naming exactly one unit. */
export type UnitNames = { name: string; unitId: string }[];

export function unitNames(units: readonly NamedUnit[]): UnitNames {
  const owners = new Map<string, Set<string>>();
  const add = (name: string, unitId: string) => {
    if ([...name].length < 2) return;
    const set = owners.get(name) ?? new Set<string>();
    set.add(unitId);
    owners.set(name, set);
  };
  for (const unit of units) {
    add(unit.name, unit.id);
    const withoutCounty = unit.name.replace(/^[县市区]/, "");
    add(withoutCounty, unit.id);
    add(withoutCounty.replace(/(?:镇|乡|街道)$/, ""), unit.id);
    for (const group of unit.groupNames ?? []) add(group.replace(/(?:工作群|群)$/, ""), unit.id);
  }
  const fullNames = new Map(units.map((u) => [u.name, u.id]));
  return [...owners.entries()]
    .flatMap(([name, ids]) => {
      // A unit's full name is always its own, whatever short names others have.
      const full = fullNames.get(name);
      if (full) return [{ name, unitId: full }];
      return ids.size === 1 ? [{ name, unitId: [...ids][0] as string }] : [];
    })
    .sort((a, b) => [...b.name].length - [...a.name].length);
}

/** The unit whose name `text` starts with (the longest name that fits), and its length. */
export function unitAtStart(text: string, names: UnitNames): { unitId: string; length: number } | null {
  const found = names.find((n) => text.startsWith(n.name));
  return found ? { unitId: found.unitId, length: found.name.length } : null;
}

/** The unit `text` names exactly, if any. */
export function unitNamed(text: string, names: UnitNames): string | null {
  const wanted = text.trim();
  return names.find((n) => n.name === wanted)?.unitId ?? null;
}

/** Separators between units in a list: 青山镇、白水乡 / 青山镇 白水乡 / 1、3 / 1,3. */
export const UNIT_SEPARATOR = /^[\s、，,；;和及与]+/;

/**
 * A reply to "哪些单位？": numbers into `offered` (1-based) or names, several allowed, in the
 * order written, each once. `unknown` holds what named no unit (a word or a number out of range).
 */
export function readUnitList(
  text: string,
  offered: readonly string[],
  names: UnitNames,
): { unitIds: string[]; unknown: string[] } {
  const unitIds: string[] = [];
  const unknown: string[] = [];
  const add = (id: string) => {
    if (!unitIds.includes(id)) unitIds.push(id);
  };
  for (const token of text.split(/[\s、，,；;]+/).filter(Boolean)) {
    const normal = token.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    if (/^\d+$/.test(normal)) {
      const id = offered[Number(normal) - 1];
      if (id) add(id);
      else unknown.push(token);
      continue;
    }
    const id = unitNamed(normal, names);
    if (id) add(id);
    else unknown.push(token);
  }
  return { unitIds, unknown };
}

/** One unit named inside a text: which, where, and how long the name is. */
export interface UnitMention {
  unitId: string;
  index: number;
  length: number;
}

/**
 * Every unit named anywhere in `text`, in order: at each place the longest name that fits (青山镇
 * before 青山), and the text after it read on from its end.
 */
export function unitsInText(text: string, names: UnitNames): UnitMention[] {
  const found: UnitMention[] = [];
  let i = 0;
  while (i < text.length) {
    const here = unitAtStart(text.slice(i), names);
    if (here) {
      found.push({ unitId: here.unitId, index: i, length: here.length });
      i += here.length;
    } else i += 1;
  }
  return found;
}
