/**
 * 转督办: a leader's 批示 as the start of a 交办 — the reporting unit as 牵头, the 批示 (with the
 * incident's number and subject) as the content, the 批示 and incident kept as the task's source.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { PrismaClient } from "../../../store/generated/client.ts";
import { incidentSubject } from "../../instruction/instruction-card.ts";
import type { AssignData } from "./assign-data.ts";
import { assignMessages as M } from "./messages.ts";

/** The dialog's argument that starts a 转督办 of instruction `id`. */
export const CONVERT_ARG = "convert:";

/** The 交办 a 批示 becomes (the deadline still to ask), or null when there is no such 批示. */
export async function dataFromInstruction(
  database: PrismaClient,
  directory: Directory,
  incidentRules: IncidentPolicy | undefined,
  instructionId: number,
): Promise<Partial<AssignData> | null> {
  const instruction = await database.instruction.findUnique({
    where: { id: instructionId },
    include: { incident: true },
  });
  if (!instruction) return null;
  const { incident } = instruction;
  const subject = incidentRules
    ? incidentSubject(incident, incidentRules, directory)
    : directory.unitName(incident.unitId);
  const leader = directory.personName(instruction.leaderId);
  return {
    units: [incident.unitId],
    content: M.convertContent(incident.number, subject, leader, instruction.text),
    instructionId: instruction.id,
    incidentId: incident.id,
    source: M.sourceValue(incident.number, leader),
  };
}

/** The latest 批示 on an incident, if any. */
export async function latestInstructionId(
  database: PrismaClient,
  incidentId: number,
): Promise<number | null> {
  const latest = await database.instruction.findFirst({
    where: { incidentId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return latest?.id ?? null;
}
