/**
 * The 督查督办 rules of config/policy.yaml (`tasks:`): who may assign and close, the deadline of an
 * assignment that names none (落实不过夜: today at `default_deadline`), and the clocks of a task —
 * signing, the reminder before the deadline, the 督办 notice after it, the optional progress cadence.
 * Every key is optional; the defaults are what a county office would set.
 */
import { z } from "zod";
import { durationSchema } from "./duration.ts";
import { ROLES } from "./org.ts";
import { timeOfDaySchema } from "./time-of-day.ts";

export const tasksPolicySchema = z
  .object({
    /** Roles that may 交办 (and 转督办 a 批示). */
    assign_roles: z.array(z.enum(ROLES)).min(1, "至少要有一个角色").default(["leader", "duty"]),
    /** Roles that may answer 申请延期 and 申请办结 besides the assigner. */
    close_roles: z.array(z.enum(ROLES)).min(1, "至少要有一个角色").default(["leader", "duty"]),
    /** The time of day a deadline given as a day (or none) falls at. */
    default_deadline: timeOfDaySchema.prefault("18:00"),
    /** Not signed (签收) this long after the 交办: the unit's director is reminded. */
    sign_within: durationSchema.prefault("2h"),
    /** This long before the deadline an unfinished part gets 【催办】 (and its light turns 黄). */
    remind_before: durationSchema.prefault("2h"),
    /** Past the deadline, the 【督办】 notice repeats this often until the part is closed. */
    overdue_every: durationSchema.prefault("1d"),
    /** Optional progress cadence: a part with no 反馈 for this long is asked for one (催报). */
    progress_every: durationSchema.optional(),
  })
  .strict();

/** The 督查督办 capability's slice of the policy. */
export type TasksPolicy = z.output<typeof tasksPolicySchema>;
