/**
 * Fields of the console API that reach the database, checked before they do: texts without control
 * characters (PostgreSQL refuses NUL; the others have no place in a chat message) and numbers that
 * fit the int4 columns they are compared with. A bad one is the caller's mistake (400 naming the
 * field), never the database's error (500).
 */
import { z } from "zod";
import { hasControlCharacter } from "../../core/text.ts";
import { consoleTexts as T } from "./console-texts.ts";

/** The largest value of PostgreSQL's `integer` (int4), the type of every `Int` id in the schema. */
export const INT4_MAX = 2_147_483_647;

/** A non-empty text without control characters; `field` names it in the error. */
export function plainText(field: string, missing: string) {
  return z
    .string()
    .min(1, missing)
    .refine((text) => !hasControlCharacter(text), T.controlCharacter(field));
}

/** A whole number in decimal digits, from 0 (or `min`) to {@link INT4_MAX}, as a number or a string of digits. */
export function int4(message: string, min = 0) {
  return z
    .union(
      [
        z.number(message),
        z
          .string(message)
          .regex(/^\d{1,10}$/, message)
          .transform(Number),
      ],
      message,
    )
    .pipe(z.number().int(message).min(min, message).max(INT4_MAX, message));
}
