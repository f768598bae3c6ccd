/**
 * Who may take each answer step on a 舆情 item, and what the item's state allows. Pure: decided on
 * the person the platform says acted (their unit and roles in the org file), the policy's
 * `approve_roles` and the item's fields.
 *
 * - 签收, 核实, 口径, 已回应: the responsible unit's people (its directors and reporters);
 * - 同意发布, 修改意见: `approve_roles`;
 * - every step is refused on a closed item; 签收 and 核实 once; a 口径 while none waits and before
 *   已回应; 同意发布 and 修改意见 only while a 口径 waits; 已回应 only once a 口径 was approved.
 */
import type { OpinionPolicy } from "../../../config/opinion-policy.ts";
import type { Person } from "../../../config/org.ts";
import { type ItemFacts, itemStep } from "../rules/item-state.ts";

export type AnswerStep = "sign" | "verify" | "draft" | "approve" | "revise" | "respond";

/** The steps the responsible unit takes; the others are the approvers'. */
export const UNIT_STEPS: readonly AnswerStep[] = ["sign", "verify", "draft", "respond"];

/** The unit's people: its directors and reporters. */
const UNIT_ROLES = ["director", "reporter"] as const;

type Who = Pick<Person, "unit" | "roles">;

export function isUnitPerson(person: Who, unitId: string): boolean {
  return person.unit === unitId && person.roles.some((r) => (UNIT_ROLES as readonly string[]).includes(r));
}

export function isApprover(
  person: Pick<Person, "roles">,
  rules: Pick<OpinionPolicy, "approve_roles">,
): boolean {
  return person.roles.some((r) => rules.approve_roles.includes(r));
}

/** Whether the person may take the step on an item of `unitId` (roles only; the state aside). */
export function mayTake(
  step: AnswerStep,
  person: Who,
  unitId: string,
  rules: Pick<OpinionPolicy, "approve_roles">,
): boolean {
  return UNIT_STEPS.includes(step) ? isUnitPerson(person, unitId) : isApprover(person, rules);
}

/** Why the item's state refuses the step; null when it allows it. */
export type StateRefusal =
  | "closed"
  | "signed"
  | "verified"
  | "draft_waiting"
  | "no_draft"
  | "not_approved"
  | "responded";

export function stateRefusal(step: AnswerStep, item: ItemFacts): StateRefusal | null {
  const at = itemStep(item);
  if (at === "closed") return "closed";
  switch (step) {
    case "sign":
      return item.signedAt ? "signed" : null;
    case "verify":
      return item.verifiedAt ? "verified" : null;
    case "draft":
      if (item.respondedAt) return "responded";
      return at === "draft_pending" ? "draft_waiting" : null;
    case "approve":
    case "revise":
      if (item.respondedAt) return "responded";
      return at === "draft_pending" ? null : "no_draft";
    case "respond":
      if (item.respondedAt) return "responded";
      return at === "approved" ? null : "not_approved";
  }
}
