/** What a 批示 must be: something, and short enough to read on a phone. */
import { z } from "zod";
import { oversightMessages as M } from "./messages.ts";

/** The longest 批示 accepted, in characters. */
export const MAX_INSTRUCTION = 1000;

export const instructTextSchema = z
  .string()
  .trim()
  .min(1, M.instructEmpty)
  .max(MAX_INSTRUCTION, M.textTooLong(MAX_INSTRUCTION));

/** The trimmed text, or the reason it is not acceptable (the schema's own Chinese). */
export function readInstructText(text: string): { ok: true; text: string } | { ok: false; reason: string } {
  const parsed = instructTextSchema.safeParse(text);
  return parsed.success
    ? { ok: true, text: parsed.data }
    : { ok: false, reason: parsed.error.issues[0]?.message ?? M.instructEmpty };
}
