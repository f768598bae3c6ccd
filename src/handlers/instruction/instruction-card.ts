/** The cards that carry an instruction to the unit and chase it (pure: everything is an input). */
import type { Directory } from "../../bot/core/directory.ts";
import type { Card, CardButton } from "../../bot/core/message.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { incidentHeading } from "../incident/incident-heading.ts";
import type { Incident } from "../incident/incident-store.ts";
import { formatLocalTime } from "../office/time-format.ts";
import type { Instruction } from "./instruction-store.ts";
import { instructionMessages as M } from "./messages.ts";

/** Button actions of this capability start with `instr:`. */
export const INSTRUCTION_ACTION_PREFIX = "instr";

/** The 收到 button; its action names the instruction, so a press confirms that one only. */
export function receiptButton(instruction: Pick<Instruction, "id">): CardButton {
  return { label: M.receivedButton, action: `${INSTRUCTION_ACTION_PREFIX}:receipt:${instruction.id}` };
}

/**
 * 转督办, on the copies for the duty office and the leaders: the 督办 capability answers
 * `task-convert:<instruction id>` (its value is written out here, as this capability must not
 * import that one).
 */
export function convertButton(instruction: Pick<Instruction, "id">): CardButton {
  return { label: M.convertButton, action: `task-convert:${instruction.id}` };
}

/** `【较大】事故灾难 · 青山镇`: which incident, in one line. */
export function incidentSubject(
  incident: Pick<Incident, "gradeId" | "type" | "unitId">,
  policy: IncidentPolicy,
  directory: Directory,
): string {
  return incidentHeading(incident, policy, directory);
}

function leaderLabel(directory: Directory, leaderId: string): string {
  const leader = directory.person(leaderId);
  if (!leader) return leaderId;
  return leader.title ? `${leader.name}（${leader.title}）` : leader.name;
}

/**
 * The instruction as relayed. `ask` lists the people in the receiving chat who must confirm: the
 * card then carries the 收到 button; without them it is a copy for information. `convertible`: the
 * card goes to the duty office or the leaders, and carries 转督办.
 */
export function instructionCard(
  instruction: Pick<Instruction, "id" | "leaderId" | "text" | "createdAt">,
  incident: Incident,
  options: {
    ask: string[];
    copyOf: string[];
    policy: IncidentPolicy;
    directory: Directory;
    convertible?: boolean;
  },
): Card {
  const { ask, copyOf, policy, directory, convertible = false } = options;
  const names = (ids: readonly string[]) => ids.map((id) => directory.personName(id)).join("、");
  return {
    title: M.cardTitle(incident.number),
    tone: "red",
    fields: [
      { label: M.incidentLabel, value: incidentSubject(incident, policy, directory) },
      { label: M.summaryLabel, value: incident.summary ?? M.summaryMissing },
      { label: M.cardLeader, value: leaderLabel(directory, instruction.leaderId) },
      { label: M.cardText, value: instruction.text },
      { label: M.cardAt, value: formatLocalTime(instruction.createdAt, policy.timezone) },
      ...(ask.length > 0 ? [{ label: M.cardAsk, value: names(ask) }] : []),
    ],
    buttons: [
      ...(ask.length > 0 ? [receiptButton(instruction)] : []),
      ...(convertible ? [convertButton(instruction)] : []),
    ],
    note:
      ask.length > 0 ? M.cardAskNote : M.cardCopyNote(copyOf.map((id) => directory.chatName(id)).join("、")),
    ...(ask.length > 0 ? { typedReplies: M.cardAskTyped(incident.number) } : {}),
  };
}

/** A chase: the instruction again, whom it still waits for, and the 收到 button. */
export function chaseCard(
  instruction: Pick<Instruction, "id" | "leaderId" | "text">,
  incident: Pick<Incident, "number">,
  options: { waiting: string[]; since: string; directory: Directory },
): Card {
  const { waiting, since, directory } = options;
  const leader = directory.personName(instruction.leaderId);
  return {
    title: M.chaseTitle(incident.number),
    tone: "red",
    fields: [
      { label: M.cardText, value: `${leader}：${instruction.text}` },
      { label: M.chaseWaiting, value: waiting.map((id) => directory.personName(id)).join("、") },
    ],
    buttons: [receiptButton(instruction)],
    note: M.chaseNote(since),
    typedReplies: M.cardAskTyped(incident.number),
  };
}
