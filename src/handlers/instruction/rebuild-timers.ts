/**
 * Puts back the timers of every instruction still waiting for receipts, from the database: its
 * relay while it has not been posted (`relayedAt`), and the chase round after the rounds already
 * done (`chaseCount`), at `round × chase_after` after it was given (at once when that has passed).
 * Same keys as when they were first scheduled, so at a start with Redis intact nothing is added.
 */
import type { BotServices } from "../../bot/core/services.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { scheduleChase, scheduleRelay } from "./instruction-schedule.ts";
import { InstructionStore } from "./instruction-store.ts";
import { chaseStep } from "./rules/chase.ts";

export async function rebuildInstructionTimers(services: BotServices, policy: IncidentPolicy): Promise<void> {
  const { database, scheduler, clock } = services;
  const now = clock.now();
  for (const instruction of await new InstructionStore(database).awaiting()) {
    if (!instruction.relayedAt) await scheduleRelay(scheduler, instruction.id, now);
    const round = instruction.chaseCount + 1;
    if (chaseStep(round, policy.instructions.chase_times) !== "none")
      await scheduleChase(scheduler, policy, instruction, round);
  }
}
