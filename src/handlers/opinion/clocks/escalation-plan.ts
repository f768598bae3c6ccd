/**
 * Who an escalation round of a 舆情 item tells, and how: round r tells level r-1 of the escalation
 * (the last level repeats) — today's people on duty for `duty`/`duty_leader`, the responsible unit's
 * director for `director@reporting` — in the alert groups that hold them, else one to one, each
 * mentioned; and always the responsible unit itself (its group, its people mentioned). Someone the
 * unit's message already reaches is not told a second time. 加急 when the level is urgent, and from
 * the second round on whatever the level. Pure: the directory and today's people on duty are inputs.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import { chatsReaching } from "../../office/audience.ts";
import type { OnDuty } from "../../office/on-duty.ts";
import { levelAt, levelIndex, resolveRecipients } from "../../office/recipients.ts";
import { type Delivery, reachWholeUnit } from "../../office/unit-reach.ts";

export interface EscalationPlan {
  /** The escalation level the round tells (0-based; the last one repeats). */
  level: number;
  /** The people that level names. */
  people: string[];
  /** Sent as 加急 to those mentioned. */
  urgent: boolean;
  /** The responsible unit's deliveries (its people mentioned). */
  unit: Delivery[];
  /** The level's deliveries (its people mentioned, those the unit's message reaches left out). */
  watchers: Delivery[];
}

/** The escalation level (0-based) round `round` (1-based) tells. */
export function escalationLevelOf(escalation: readonly (readonly string[])[], round: number): number {
  return levelIndex(escalation, round - 1);
}

/** Whether a round goes 加急: an urgent level's from the first, any level's from the second. */
export function escalationUrgent(levelUrgent: boolean, round: number): boolean {
  return levelUrgent || round >= 2;
}

export function escalationPlan(input: {
  directory: Directory;
  escalation: readonly (readonly string[])[];
  round: number;
  unitId: string;
  onDuty: OnDuty;
  levelUrgent: boolean;
}): EscalationPlan {
  const { directory, escalation, round, unitId } = input;
  const level = escalationLevelOf(escalation, round);
  const people = resolveRecipients(levelAt(escalation, level), directory.people(), unitId, input.onDuty);
  const unit = reachWholeUnit(directory, unitId);
  const reached = new Set(unit.flatMap((d) => d.mentions));
  const others = people.filter((p) => !reached.has(p));
  const watchers = chatsReaching(directory, others).map((chatId) => ({
    chatId,
    mentions: directory.membersAmong(chatId, others),
  }));
  return { level, people, urgent: escalationUrgent(input.levelUrgent, round), unit, watchers };
}
