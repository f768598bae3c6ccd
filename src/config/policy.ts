/** The office's policy file (config/policy.yaml): time zone and the rules later capabilities add. */
import { z } from "zod";
import { durationSchema } from "./duration.ts";

export const policySchema = z
  .object({
    timezone: z.string().refine(isTimeZone, "不是有效的时区名，例如 Asia/Shanghai"),
    dialog: z
      .object({
        remind_after: durationSchema.prefault("10m"),
        expire_after: durationSchema.prefault("30m"),
      })
      .strict()
      .prefault({}),
  })
  .loose();

export type Policy = z.infer<typeof policySchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
