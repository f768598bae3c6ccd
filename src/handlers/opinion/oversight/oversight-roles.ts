/**
 * Who may take each oversight step on a 舆情 item. Pure: decided on the roles the org file gives
 * the person the platform says acted, and the policy's `opinion:` roles.
 *
 * - 已阅: the leaders and the duty office (who get the alert), and the approvers;
 * - 批示: `instruct_roles`;
 * - 办结: `close_roles` (the duty office) and `approve_roles`;
 * - 转突发: anyone in the org file.
 */

import type { OpinionPolicy } from "../../../config/opinion-policy.ts";
import type { Person, Role } from "../../../config/org.ts";
import { OVERSIGHT_ROLES } from "../../office/oversight.ts";

type Rules = Pick<OpinionPolicy, "approve_roles" | "instruct_roles" | "close_roles">;
type Who = Pick<Person, "roles">;

function unique(roles: readonly Role[]): Role[] {
  return [...new Set(roles)];
}

/** The roles whose people may mark an item read. */
export const readRoles = (rules: Rules): Role[] => unique([...OVERSIGHT_ROLES, ...rules.approve_roles]);

/** The roles whose people may close an item. */
export const closeRoles = (rules: Rules): Role[] => unique([...rules.close_roles, ...rules.approve_roles]);

const holdsAny = (person: Who, roles: readonly Role[]) => person.roles.some((r) => roles.includes(r));

export const mayRead = (person: Who, rules: Rules): boolean => holdsAny(person, readRoles(rules));

export const mayInstruct = (person: Who, rules: Rules): boolean => holdsAny(person, rules.instruct_roles);

export const mayClose = (person: Who, rules: Rules): boolean => holdsAny(person, closeRoles(rules));
