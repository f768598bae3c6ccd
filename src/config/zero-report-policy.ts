/**
 * The zero-report rule of config/policy.yaml (`zero_report`): which units owe a daily report, on
 * which days, by which local cut-off, and when the reminder before it goes out.
 */
import { z } from "zod";
import { dayRuleSchema } from "./day-rule.ts";
import { timeOfDaySchema } from "./time-of-day.ts";

export const zeroReportPolicySchema = z
  .object({
    /** Unit ids that owe a report each day the rule names. */
    units: z.array(z.string().min(1)).min(1, "至少写一个单位"),
    days: dayRuleSchema.prefault("daily"),
    /** Local time by which the day's report is due, e.g. 17:00. */
    cutoff: timeOfDaySchema,
    /** Local time of the reminder to units that have not reported yet; omit for none. */
    remind_at: timeOfDaySchema.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (
      rule.remind_at &&
      rule.remind_at.hour * 60 + rule.remind_at.minute >= rule.cutoff.hour * 60 + rule.cutoff.minute
    )
      ctx.addIssue({ code: "custom", path: ["remind_at"], message: "提醒时间应早于截止时间" });
  });

export type ZeroReportPolicy = z.infer<typeof zeroReportPolicySchema>;
