/**
 * What a person reads when an answer breaks a validator's rule that carries no message of its own
 * (`z.string().max(2000)`): our own short Chinese, never the validator's wording (数值过大：期望 string
 * <=2000 字符). Pass as the per-parse error map; a message written on the schema still wins.
 */
import type { z } from "zod";
import { dialogMessages as M } from "./messages.ts";

export function plainIssue(issue: z.core.$ZodRawIssue): string {
  if (issue.code === "too_big" && typeof issue.maximum === "number")
    return issue.origin === "string" ? M.tooLong(issue.maximum) : M.tooLarge(issue.maximum);
  if (issue.code === "too_small" && typeof issue.minimum === "number")
    return issue.origin === "string" ? M.tooShort(issue.minimum) : M.tooSmall(issue.minimum);
  return M.badFormat;
}
