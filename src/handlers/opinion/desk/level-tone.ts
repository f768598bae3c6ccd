/**
 * A 舆情 level's colour on the desk, by its place in the policy's levels (most severe first), the
 * way incident grades are coloured: the least severe 一般 blue, then 较大 yellow, 重大 orange, and a
 * fourth (特别重大) red. Pure.
 */
import type { DeskTone } from "../../../bot/core/desk.ts";
import type { OpinionPolicy } from "../../../config/opinion-policy.ts";

/** From the least severe up. */
const TONES: readonly DeskTone[] = ["blue", "yellow", "orange", "red"];

export function levelTone(rules: Pick<OpinionPolicy, "levels">, levelId: string): DeskTone {
  const index = rules.levels.findIndex((l) => l.id === levelId);
  if (index < 0) return "blue";
  const fromLeast = rules.levels.length - 1 - index;
  return TONES[Math.min(fromLeast, TONES.length - 1)] ?? "blue";
}
