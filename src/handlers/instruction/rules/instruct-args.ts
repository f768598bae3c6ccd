/**
 * Reads what follows `批示` on text platforms: `2026-0042 请立即组织救援`, `2026-0042：请…`,
 * `42 请…` (this year's). A short number needs a space or punctuation after it, so `批示 3人受伤…`
 * is never read as incident 3. Pure.
 */

export interface InstructArgs {
  /** The incident number as typed (`2026-0042`, `42`). */
  numberText: string;
  /** The instruction, trimmed; empty when only the number was written. */
  text: string;
}

const FULL = /^(\d{4}-\d{1,6})(?![\d-])[\s:：,，、]*([\s\S]*)$/;
const SHORT = /^(\d{1,6})(?:[\s:：,，、]+([\s\S]*))?$/;

/** The number and the text, or null when the args do not start with an incident number. */
export function parseInstructArgs(args: string): InstructArgs | null {
  const trimmed = args.trim();
  const match = FULL.exec(trimmed) ?? SHORT.exec(trimmed);
  if (!match) return null;
  return { numberText: match[1] as string, text: (match[2] ?? "").trim() };
}
