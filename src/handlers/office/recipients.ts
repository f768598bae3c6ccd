/**
 * Who an escalation level names: `duty` (today's 值班员, see on-duty.ts), `duty_leader` (today's
 * 带班领导: the roster's, else every leader), `leader` (every leader), `director@duty-office`
 * (the role in one unit), `director@reporting` (the reporting unit's), or a person id. Pure: the
 * org and today's people on duty are inputs.
 */

import { DUTY_LEADER, REPORTING_UNIT } from "../../config/cross-check.ts";
import type { Person, Role } from "../../config/org.ts";
import type { OnDuty } from "./on-duty.ts";

export function resolveRecipients(
  level: readonly string[],
  people: readonly Person[],
  reportingUnit: string,
  /** Today's people on duty: a plain `duty` entry means today's 值班员, `duty_leader` today's 带班领导. */
  onDuty: OnDuty,
): string[] {
  const ids = new Set<string>();
  for (const entry of level) {
    const today = entry === "duty" ? onDuty.duty : entry === DUTY_LEADER ? onDuty.leaders : undefined;
    if (today) {
      for (const id of today.people) ids.add(id);
      continue;
    }
    const [who = "", unit] = entry.split("@");
    const unitId = unit === REPORTING_UNIT ? reportingUnit : unit;
    const byRole = people.filter(
      (p) => p.roles.includes(who as Role) && (unitId === undefined || p.unit === unitId),
    );
    if (byRole.length > 0) for (const p of byRole) ids.add(p.id);
    else if (unit === undefined && people.some((p) => p.id === who)) ids.add(who);
  }
  return [...ids];
}

/** The index of escalation level `level` (0-based) as it applies: the last level repeats. */
export function levelIndex(escalation: readonly (readonly string[])[], level: number): number {
  return Math.max(0, Math.min(level, escalation.length - 1));
}

/** The recipients of escalation level `level` (0-based); the last level repeats. */
export function levelAt(escalation: readonly (readonly string[])[], level: number): readonly string[] {
  return escalation[levelIndex(escalation, level)] ?? [];
}
