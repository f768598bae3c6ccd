/**
 * At start, re-arms what a crash between filing an instruction and scheduling may have lost: the
 * next chase round of every instruction still waiting, and the relay of any not yet chased that
 * nobody has confirmed (the same keys as before, so nothing runs twice while the Scheduler still
 * knows them, and a relay sent again is keyed like the first).
 */
import type { BotServices } from "../../bot/core/services.ts";
import { hasIncidentRules } from "../../config/policy.ts";
import { scheduleChase, scheduleRelay } from "./instruction-schedule.ts";
import { InstructionStore } from "./instruction-store.ts";
import { chaseStep } from "./rules/chase.ts";

export async function reconcileInstructions(services: BotServices): Promise<void> {
  const { policy, prisma, scheduler, clock, log } = services;
  if (!hasIncidentRules(policy)) return;
  const waiting = await new InstructionStore(prisma).awaiting();
  const now = clock.now();
  for (const instruction of waiting) {
    const nobodyYet = instruction.receipts.every((r) => !r.confirmedAt);
    if (instruction.chaseCount === 0 && nobodyYet) await scheduleRelay(scheduler, instruction.id, now);
    const round = instruction.chaseCount + 1;
    if (chaseStep(round, policy.instructions.chase_times) !== "none")
      await scheduleChase(scheduler, policy, instruction, round);
  }
  if (waiting.length > 0)
    log.info({ instructions: waiting.map((i) => i.id) }, "re-armed chases of instructions still waiting");
}
