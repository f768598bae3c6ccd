/**
 * The leaders an urgent grade's first alert buzzes at once (加急 in the leaders' group), without
 * waiting for escalation to reach them: those of the first escalation level that names any leader —
 * today's 带班领导 when the office escalates `[duty_leader]` before `[leader]`, every leader with the
 * sample's `[leader]`. Only people with the `leader` role: a level's directors or duty officers are
 * left to their own level. Pure: the org and today's people on duty are inputs.
 */
import type { Person } from "../../config/org.ts";
import type { OnDuty } from "./on-duty.ts";
import { resolveRecipients } from "./recipients.ts";

export function alertLeaders(
  escalation: readonly (readonly string[])[],
  people: readonly Person[],
  reportingUnit: string,
  onDuty: OnDuty,
): string[] {
  const leaders = new Set(people.filter((p) => p.roles.includes("leader")).map((p) => p.id));
  for (const level of escalation) {
    const named = resolveRecipients(level, people, reportingUnit, onDuty).filter((id) => leaders.has(id));
    if (named.length > 0) return named;
  }
  return [];
}
