/** What a typed 进展, 理由 or 办理结果 must be: something, and short enough to read on a phone. */
import { z } from "zod";
import { actionMessages as M } from "./messages.ts";

/** The longest text accepted, in characters. */
export const MAX_STEP_TEXT = 1000;

/** The text's validator; `empty` is what the person reads when nothing was written. */
export function stepTextSchema(empty: string) {
  return z.string().trim().min(1, empty).max(MAX_STEP_TEXT, M.textTooLong(MAX_STEP_TEXT));
}

/** The trimmed text, or the reason it is not acceptable. */
export function readStepText(
  text: string,
  empty: string,
): { ok: true; text: string } | { ok: false; reason: string } {
  const parsed = stepTextSchema(empty).safeParse(text);
  return parsed.success
    ? { ok: true, text: parsed.data }
    : { ok: false, reason: parsed.error.issues[0]?.message ?? empty };
}
