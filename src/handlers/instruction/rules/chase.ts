/**
 * The chase of an instruction, round by round: rounds 1…chase_times remind those who have not
 * confirmed, each `chase_after` after the previous; the round after the last tells the leader who
 * still has not. Pure.
 */

export type ChaseStep = "chase" | "tell-leader" | "none";

/** What round `round` does under a policy of `chaseTimes` chases. */
export function chaseStep(round: number, chaseTimes: number): ChaseStep {
  if (round < 1) return "none";
  if (round <= chaseTimes) return "chase";
  return round === chaseTimes + 1 ? "tell-leader" : "none";
}

/** When round `round` falls due: `round × chase_after` after the instruction was given. */
export function chaseDueAt(createdAt: Date, round: number, chaseAfterMs: number): Date {
  return new Date(createdAt.getTime() + round * chaseAfterMs);
}
