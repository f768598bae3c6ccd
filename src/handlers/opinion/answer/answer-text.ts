/** What a 核实 情况, a 口径, a 修改意见 or a 回应 说明 must be: something, and short enough to read on a phone. */
import { z } from "zod";
import { answerMessages as M } from "./messages.ts";

/** The longest text accepted, in characters. */
export const MAX_ANSWER_TEXT = 1000;

export function answerTextSchema(empty: string) {
  return z.string().trim().min(1, empty).max(MAX_ANSWER_TEXT, M.textTooLong(MAX_ANSWER_TEXT));
}

/** The trimmed text, or the reason (the schema's own Chinese) it is not acceptable. */
export function readAnswerText(
  text: string,
  empty: string,
): { ok: true; text: string } | { ok: false; reason: string } {
  const parsed = answerTextSchema(empty).safeParse(text);
  return parsed.success
    ? { ok: true, text: parsed.data }
    : { ok: false, reason: parsed.error.issues[0]?.message ?? empty };
}
