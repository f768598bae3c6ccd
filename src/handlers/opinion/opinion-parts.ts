/**
 * What each sub-folder of the 舆情 capability contributes: the usual parts, and the buttons it
 * answers (`opinion:<action>:<item id>`). The capability joins the buttons into one action handler,
 * since the router gives each prefix one handler.
 */
import type { CapabilityParts } from "../../bot/core/capability.ts";
import type { ConversationContext } from "../../bot/core/context.ts";
import type { OpinionPolicy } from "../../config/opinion-policy.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import type { Office } from "../office/office.ts";
import type { OpinionAction } from "./opinion-actions.ts";

/** Runs a pressed button of one item. */
export type OpinionButton = (ctx: ConversationContext, itemId: number) => Promise<void>;

export interface OpinionParts extends CapabilityParts {
  buttons?: Partial<Record<OpinionAction, OpinionButton>>;
}

/** What the capability is given: its rules, the office, the escalation levels and the incident rules (转突发). */
export interface OpinionSetting {
  rules: OpinionPolicy;
  office: Office;
  /** Who is told level by level once a deadline passed (see `opinion.escalation`). */
  escalation: readonly (readonly string[])[];
  /** The incident rules: 转突发 opens their 首报 dialog (without them it says reporting is off). */
  incident: IncidentPolicy | undefined;
}
