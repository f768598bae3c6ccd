/** What every instruction job starts with: the instruction as it is now, or nothing when its incident is closed or gone. */
import type { JobContext } from "../../../bot/core/context.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { type FullInstruction, InstructionStore } from "../instruction-store.ts";

export interface LiveInstruction {
  instruction: FullInstruction;
  store: InstructionStore;
  policy: IncidentPolicy;
}

/** Nothing, too, when the policy has no incident rules (`policy` undefined). */
export async function loadLiveInstruction(
  ctx: JobContext,
  policy: IncidentPolicy | undefined,
  instructionId: number,
): Promise<LiveInstruction | null> {
  if (!policy) return null;
  const store = new InstructionStore(ctx.services.database);
  const instruction = await store.full(instructionId);
  if (instruction?.incident.status !== "open") return null;
  return { instruction, store, policy };
}
