/**
 * The schedules file (config/schedules.yaml): `schedules`, recurring jobs at local times of the
 * policy's time zone on the days a day rule names, and `zero_report`, the daily zero-report rule. Each entry runs a job of some capability by name (checked
 * against the registered jobs at start); the job receives the entry's `data`, `chats` and `roles`
 * plus `{ scheduleId, dueAt }`.
 */
import { z } from "zod";
import { dayRuleSchema } from "./day-rule.ts";
import { ROLES } from "./org.ts";
import { parseTimeOfDay, type TimeOfDay, timeOfDayProblem } from "./time-of-day.ts";
import { type ZeroReportPolicy, zeroReportPolicySchema } from "./zero-report-policy.ts";

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "只能用小写字母、数字、- 和 _");

export const scheduleEntrySchema = z
  .object({
    id,
    /** One local time or several. */
    at: z.union([z.string(), z.array(z.string()).min(1, "至少写一个时间")]).transform((value, ctx) => {
      const times: TimeOfDay[] = [];
      for (const text of typeof value === "string" ? [value] : value) {
        const t = parseTimeOfDay(text);
        if (t) times.push(t);
        else ctx.addIssue({ code: "custom", message: timeOfDayProblem(text) });
      }
      return times;
    }),
    days: dayRuleSchema.prefault("daily"),
    job: z.string().min(1),
    data: z.record(z.string(), z.unknown()).optional(),
    /** Group ids the job addresses (each job decides what that means). */
    chats: z.array(id).optional(),
    /** Roles the job addresses. */
    roles: z.array(z.enum(ROLES)).optional(),
  })
  .strict();

const entriesSchema = z
  .array(scheduleEntrySchema)
  .nullable()
  .transform((v) => v ?? [])
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      if (seen.has(entry.id))
        ctx.addIssue({ code: "custom", path: [i, "id"], message: `提醒 id 重复：${entry.id}` });
      seen.add(entry.id);
    });
  });

export const schedulesFileSchema = z
  .object({
    schedules: entriesSchema.prefault([]),
    /** Daily zero reports (零报告); absent: none are asked for. */
    zero_report: zeroReportPolicySchema.optional(),
  })
  .strict()
  .nullable()
  .transform((v) => v ?? { schedules: [], zero_report: undefined });

export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>;

/** The schedules as loaded: the file they came from (for error messages), the entries and the zero-report rule. */
export interface Schedules {
  file?: string;
  entries: ScheduleEntry[];
  zeroReport?: ZeroReportPolicy;
}
