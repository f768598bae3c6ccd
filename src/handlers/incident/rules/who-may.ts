/**
 * Who may do what with an incident under `incident.acknowledge_roles` / `instruct_roles`, answered
 * once for the handlers that refuse and for the messages that offer: 已阅 needs an acknowledging
 * role and a unit other than the reporting one (a unit does not sign off its own report); 批示
 * needs an instructing role; 要求续报 an acknowledging role or `duty`. And what an escalation asks of
 * someone it reaches: to read it (they may 已阅), to follow up (their own unit's report waits for a
 * leader), or to pass it on to the leaders (they may not 已阅) — with only the buttons they may press.
 */
import type { Person, Role } from "../../../config/org.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";

type Rules = Pick<IncidentPolicy["incident"], "acknowledge_roles" | "instruct_roles">;
type Someone = Pick<Person, "roles" | "unit">;

const holds = (person: Someone, roles: readonly Role[]) => person.roles.some((r) => roles.includes(r));

/** Why `person` may not 已阅 an incident of `reportingUnit`, or null when they may. */
export function acknowledgeRefusal(
  person: Someone,
  reportingUnit: string,
  rules: Rules,
): "role" | "ownUnit" | null {
  if (!holds(person, rules.acknowledge_roles)) return "role";
  if (person.unit === reportingUnit) return "ownUnit";
  return null;
}

export function mayInstruct(person: Pick<Person, "roles">, rules: Pick<Rules, "instruct_roles">): boolean {
  return person.roles.some((r) => rules.instruct_roles.includes(r));
}

export function mayRequestFollowUp(
  person: Pick<Person, "roles">,
  rules: Pick<Rules, "acknowledge_roles">,
): boolean {
  return person.roles.some((r) => r === "duty" || rules.acknowledge_roles.includes(r));
}

/** What an escalation asks of a person: read it now, follow up their own unit's report, or get a leader to read it. */
export type EscalationAsk = "read" | "followUp" | "passOn";
/** The incident buttons: 已阅, 批示, 要求续报. */
export type IncidentVerb = "ack" | "instruct" | "followup";

export interface EscalationOffer {
  ask: EscalationAsk;
  verbs: IncidentVerb[];
}

export function escalationOffer(person: Someone, reportingUnit: string, rules: Rules): EscalationOffer {
  const refusal = acknowledgeRefusal(person, reportingUnit, rules);
  const verbs: IncidentVerb[] = [
    ...(refusal === null ? (["ack"] as const) : []),
    ...(mayInstruct(person, rules) ? (["instruct"] as const) : []),
    ...(mayRequestFollowUp(person, rules) ? (["followup"] as const) : []),
  ];
  const ask = refusal === null ? "read" : person.unit === reportingUnit ? "followUp" : "passOn";
  return { ask, verbs };
}
