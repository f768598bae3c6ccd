/** What every instruction job starts with: the instruction as it is now, or nothing when its incident is closed or gone. */
import type { JobContext } from "../../../bot/core/context.ts";
import { hasIncidentRules, type IncidentPolicy } from "../../../config/policy.ts";
import { type FullInstruction, InstructionStore } from "../instruction-store.ts";

export interface LiveInstruction {
  instruction: FullInstruction;
  store: InstructionStore;
  policy: IncidentPolicy;
}

export async function loadLiveInstruction(
  ctx: JobContext,
  instructionId: number,
): Promise<LiveInstruction | null> {
  const { policy, prisma } = ctx.services;
  if (!hasIncidentRules(policy)) return null;
  const store = new InstructionStore(prisma);
  const instruction = await store.full(instructionId);
  if (instruction?.incident.status !== "open") return null;
  return { instruction, store, policy };
}
