/**
 * Reads a reply to "伤亡情况？": "无", "2死3伤", "死亡2人，受伤3人", "2人死亡、3人受伤、1人失联",
 * "死2伤3失联1", "不清楚". A first report gives what is known now (先报已掌握情况), so "不清楚" is a
 * valid answer (null), to be completed by a later 补报.
 */
import { type Casualties, scanCasualties } from "./casualties.ts";
import { understandingMessages as M } from "./messages.ts";
import { normalizeInput } from "./normalize-input.ts";

/** Counts (null: not known yet), or a Chinese sentence saying what to write. */
export type CasualtiesResult = { ok: true; value: Casualties | null } | { ok: false; reason: string };

/**
 * A guard against slips of the keyboard (200 typed as 2000), not a policy: callers pass the office's
 * own bound where it has one.
 */
export const DEFAULT_MAX_CASUALTIES = 10_000;

/**
 * The casualties a reply states. Categories not mentioned are 0 ("2人死亡" is 2 deaths, no injured);
 * a category written as unknown next to known ones ("2人死亡，受伤人数不详") also reads as 0 for now.
 * Negative, fractional and larger-than-`max` counts are refused with a reason.
 */
export function parseCasualties(text: string, max: number = DEFAULT_MAX_CASUALTIES): CasualtiesResult {
  const input = normalizeInput(text).replace(/[。.!！]+$/, "");
  if (input === "") return { ok: false, reason: M.casualtiesNotUnderstood };
  const scan = scanCasualties(input);
  if (scan.negative) return { ok: false, reason: M.casualtiesNegative };
  if (scan.notWhole) return { ok: false, reason: M.casualtiesNotWhole };
  if (scan.counted) {
    const tooMany = [...scan.numbers, ...Object.values(scan.counts)].find((n) => n > max);
    if (tooMany !== undefined) return { ok: false, reason: M.casualtiesTooMany(tooMany, max) };
    return { ok: true, value: scan.counts };
  }
  if (scan.mixed) return { ok: false, reason: M.casualtiesMixed };
  if (scan.unknown) return { ok: true, value: null };
  if (scan.none) return { ok: true, value: { deaths: 0, injured: 0, missing: 0 } };
  return { ok: false, reason: M.casualtiesNotUnderstood };
}
