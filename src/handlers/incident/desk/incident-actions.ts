/**
 * What a viewer may do on an incident's desk page, done as in chat (core/desk.ts DeskAction): 已阅
 * (the alert card's button value), 批示, 要求续报 and 转督办 (the typed commands), each only when the
 * command would accept it from this person now — the same rules (rules/who-may.ts, the policy's
 * `tasks.assign_roles`) the handlers check. Pure.
 */
import type { DeskAction } from "../../../bot/core/desk.ts";
import type { Person } from "../../../config/org.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { incidentActions } from "../alert-card.ts";
import { COMMAND_WORDS as FOLLOW_UP_WORDS } from "../follow-up/messages.ts";
import type { Incident } from "../incident-store.ts";
import { cardMessages as C, INCIDENT_DESK as M } from "../messages.ts";
import { acknowledgeRefusal, mayInstruct, mayRequestFollowUp } from "../rules/who-may.ts";

export interface IncidentActionInput {
  incident: Pick<Incident, "id" | "number" | "status" | "unitId" | "acknowledgedAt">;
  viewer: Pick<Person, "id" | "roles" | "unit">;
  policy: Pick<IncidentPolicy, "incident" | "tasks">;
  /** The chat the actions are done in (office/desk-viewer.ts). */
  chatId: string;
  /** Whether the incident has a 批示 not yet turned into a 督办 task. */
  convertible: boolean;
}

export function incidentDeskActions(input: IncidentActionInput): DeskAction[] {
  const { incident, viewer, policy, chatId } = input;
  if (incident.status !== "open") return [];
  const actions: DeskAction[] = [];
  if (!incident.acknowledgedAt && acknowledgeRefusal(viewer, incident.unitId, policy.incident) === null)
    actions.push({
      id: "ack",
      label: C.ackButton,
      chatId,
      press: incidentActions(incident, ["ack"])[0]?.action,
    });
  if (mayInstruct(viewer, policy.incident))
    actions.push({
      id: "instruct",
      label: C.instructButton,
      chatId,
      say: `${C.instructButton} ${incident.number} {text}`,
      ask: { label: M.askInstruction, placeholder: M.askInstructionPlaceholder },
    });
  if (mayRequestFollowUp(viewer, policy.incident))
    actions.push({
      id: "request-follow-up",
      label: C.followUpButton,
      chatId,
      say: `${FOLLOW_UP_WORDS.request} ${incident.number}`,
    });
  if (input.convertible && viewer.roles.some((r) => policy.tasks.assign_roles.includes(r)))
    actions.push({ id: "convert", label: M.convert, chatId, say: `${M.convert} ${incident.number}` });
  return actions;
}
