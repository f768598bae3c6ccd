/**
 * An item's level and its deadlines: 核实 by `foundAt + verify_within`, 回应 by
 * `foundAt + respond_within` (the clocks run from when it was found, not from when it was
 * registered). Pure.
 */
import type { OpinionLevel, OpinionPolicy } from "../../../config/opinion-policy.ts";

/** The level `id` names; the least severe when the policy no longer has it (an item filed under older rules). */
export function levelOf(rules: OpinionPolicy, id: string): OpinionLevel {
  return rules.levels.find((l) => l.id === id) ?? (rules.levels.at(-1) as OpinionLevel);
}

export function opinionDues(level: OpinionLevel, foundAt: Date): { verifyDueAt: Date; respondDueAt: Date } {
  return {
    verifyDueAt: new Date(foundAt.getTime() + level.verify_within),
    respondDueAt: new Date(foundAt.getTime() + level.respond_within),
  };
}
