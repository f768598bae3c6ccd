/**
 * Text as the understanding rules read it. Phones mix full-width and half-width forms (１４：２０,
 * 14：20) and stray spaces; every parser here starts from the same normalised text so that each
 * pattern needs to know only one spelling.
 */
import { normalizeText } from "../../../bot/core/text.ts";

/** Full-width digits and letters to half-width, ：and ∶ to `:`, runs of white space to one space, trimmed. */
export function normalizeInput(text: string): string {
  return normalizeText(text)
    .replace(/[：∶]/g, ":")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ?\r?\n ?/g, "\n")
    .trim();
}
