/**
 * The jobs an instruction has on the Scheduler, keyed by instruction and purpose so scheduling
 * twice is harmless: its relay to the unit (`instruction-<id>-relay`) and its chase rounds
 * (`instruction-<id>-chase-<n>`). Each job re-reads the instruction when it fires.
 */
import type { Scheduler } from "../../bot/core/ports.ts";
import type { Policy } from "../../config/policy.ts";
import type { Instruction } from "./instruction-store.ts";
import { chaseDueAt } from "./rules/chase.ts";

/** Job names of this capability. */
export const INSTRUCTION_JOBS = {
  relay: "instruction.relay",
  chase: "instruction.chase",
} as const;

/** Scheduler key of an instruction's relay. */
export function relayKey(instructionId: number): string {
  return `instruction-${instructionId}-relay`;
}

/** Scheduler key of chase round `round` (1-based; the round after the last tells the leader). */
export function chaseKey(instructionId: number, round: number): string {
  return `instruction-${instructionId}-chase-${round}`;
}

/** Posts the instruction to the unit now, from a job, so a crash after filing still relays it once. */
export function scheduleRelay(scheduler: Scheduler, instructionId: number, now: Date): Promise<void> {
  return scheduler.schedule(relayKey(instructionId), now, {
    name: INSTRUCTION_JOBS.relay,
    data: { instructionId },
  });
}

/** Chase round `round`, due `round × chase_after` after the instruction was given. */
export function scheduleChase(
  scheduler: Scheduler,
  policy: Policy,
  instruction: Pick<Instruction, "id" | "createdAt">,
  round: number,
): Promise<void> {
  return scheduler.schedule(
    chaseKey(instruction.id, round),
    chaseDueAt(instruction.createdAt, round, policy.instructions.chase_after),
    { name: INSTRUCTION_JOBS.chase, data: { instructionId: instruction.id, round } },
  );
}
