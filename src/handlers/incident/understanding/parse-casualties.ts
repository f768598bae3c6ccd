/**
 * Reads a reply to "伤亡情况？": "无", "2死3伤", "死亡2人，受伤3人", "2人死亡、3人受伤、1人失联",
 * "死2伤3失联1", "不清楚". A first report gives what is known now (先报已掌握情况), so "不清楚" is a
 * valid answer (null), to be completed by a later 补报.
 */
import { type CasualtyReport, casualtyReport, countsOf, scanCasualties } from "./casualties.ts";
import { understandingMessages as M } from "./messages.ts";
import { normalizeInput } from "./normalize-input.ts";

/** Counts (null: not known yet) or the words alone, or a Chinese sentence saying what to write. */
export type CasualtiesResult = { ok: true; value: CasualtyReport | null } | { ok: false; reason: string };

/**
 * A guard against slips of the keyboard (200 typed as 2000), not a policy: callers pass the office's
 * own bound where it has one.
 */
export const DEFAULT_MAX_CASUALTIES = 10_000;

/** The longest reply kept as words when it gives no number. */
const MAX_WORDS = 200;

/**
 * The casualties a reply states. Categories not mentioned are 0 ("2人死亡" is 2 deaths, no injured);
 * people taken to hospital count as injured when no injured count is written ("12名学生送医观察");
 * the reply's words are kept when they say more than the counts, and are all that is kept when people
 * hurt, in hospital, trapped or missing are written without a number ("多名学生送医", and
 * "2人死亡，受伤人数不详": the counts are not complete, so none is filed).
 * Negative, fractional and larger-than-`max` counts are refused with a reason.
 */
export function parseCasualties(text: string, max: number = DEFAULT_MAX_CASUALTIES): CasualtiesResult {
  const input = normalizeInput(text).replace(/[。.!！]+$/, "");
  if (input === "") return { ok: false, reason: M.casualtiesNotUnderstood };
  const scan = scanCasualties(input);
  if (scan.negative) return { ok: false, reason: M.casualtiesNegative };
  if (scan.notWhole) return { ok: false, reason: M.casualtiesNotWhole };
  if (scan.counted) {
    const { deaths, injured, missing } = scan.counts;
    const tooMany = [...scan.numbers, deaths, injured, missing].find((n) => n > max);
    if (tooMany !== undefined) return { ok: false, reason: M.casualtiesTooMany(tooMany, max) };
  } else if (scan.mixed) return { ok: false, reason: M.casualtiesMixed };
  const report = casualtyReport(scan, input);
  // Words are kept as written, within reason: a screenful is a paste, not an answer.
  if (report && (countsOf(report) || input.length <= MAX_WORDS)) return { ok: true, value: report };
  if (scan.unknown) return { ok: true, value: null };
  return { ok: false, reason: M.casualtiesNotUnderstood };
}
