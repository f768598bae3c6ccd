/**
 * The 舆情 rules of config/policy.yaml (`opinion:`): the levels with their clocks — 核实 within
 * `verify_within`, 回应 within `respond_within`, counted from when the item was found (国办 2016:
 * 重大 舆情 within 5 hours, other 政务舆情 within 48) —, who approves the public answer (口径), gives
 * 批示 and closes items, the reminder before each deadline and the escalation after it. Every key is
 * optional; the defaults are the national guidance's and what a county office would set.
 */
import { z } from "zod";
import { durationSchema } from "./duration.ts";
import { recipientSchema } from "./incident-policy.ts";
import { ROLES } from "./org.ts";

export const opinionLevelSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]+$/, "级别 id 只能用字母、数字、- 和 _"),
    name: z.string().min(1),
    /** 核实 (the unit reports what it verified) this long after the item was found. */
    verify_within: durationSchema,
    /** 回应 (the approved answer published) this long after the item was found. */
    respond_within: durationSchema,
    /** The alert and the escalations go as 加急. */
    urgent: z.boolean().default(false),
  })
  .strict()
  .superRefine((level, ctx) => {
    if (level.respond_within < level.verify_within)
      ctx.addIssue({ code: "custom", path: ["respond_within"], message: "回应时限不能短于核实时限" });
  });

const roles = z.array(z.enum(ROLES)).min(1, "至少要有一个角色");

export const DEFAULT_OPINION_LEVELS = [
  { id: "major", name: "重大", verify_within: "1h", respond_within: "5h", urgent: true },
  { id: "large", name: "较大", verify_within: "2h", respond_within: "24h", urgent: false },
  { id: "general", name: "一般", verify_within: "4h", respond_within: "48h", urgent: false },
];

export const opinionPolicySchema = z
  .object({
    /** Most severe first. */
    levels: z
      .array(opinionLevelSchema)
      .min(1, "至少要有一个级别")
      .prefault(DEFAULT_OPINION_LEVELS)
      .superRefine((levels, ctx) => {
        const seen = new Set<string>();
        levels.forEach((level, i) => {
          if (seen.has(level.id))
            ctx.addIssue({ code: "custom", path: [i, "id"], message: `级别 id 重复：${level.id}` });
          seen.add(level.id);
        });
      }),
    /** Roles that may 同意发布 or send a 口径 back (修改意见). */
    approve_roles: roles.default(["leader"]),
    /** Roles that may give a 批示 on an item. */
    instruct_roles: roles.default(["leader"]),
    /** Roles that may 办结 an item besides the approvers (the duty office). */
    close_roles: roles.default(["duty"]),
    /** This long before each deadline (核实, 回应) an unfinished item's unit is reminded. */
    remind_before: durationSchema.prefault("30m"),
    /** Past a deadline, the next escalation level is told this often until the step is done. */
    escalate_every: durationSchema.prefault("1h"),
    /**
     * Who is told, level by level, once a deadline has passed (the last level repeats); written as
     * the incident escalation (`director@reporting` is the responsible unit's director). Unset: the
     * policy's `escalation`, or [duty] → [director@reporting] → [leader] without one.
     */
    escalation: z.array(z.array(recipientSchema).min(1, "每一级至少一个接收人")).min(1).optional(),
  })
  .strict();

/** The 舆情 capability's slice of the policy. */
export type OpinionPolicy = z.output<typeof opinionPolicySchema>;
export type OpinionLevel = OpinionPolicy["levels"][number];

/** The escalation without an `opinion.escalation` or a policy `escalation`. */
export const DEFAULT_OPINION_ESCALATION: string[][] = [["duty"], ["director@reporting"], ["leader"]];
