/**
 * The office's policy file (config/policy.yaml): time zone, dialog timings, and the incident rules
 * (grades, escalation, types, required elements). A policy without grades runs the bot with the
 * incident capability switched off.
 */
import { z } from "zod";
import { durationSchema } from "./duration.ts";
import { incidentPolicyShape } from "./incident-policy.ts";
import { opinionPolicySchema } from "./opinion-policy.ts";
import { tasksPolicySchema } from "./tasks-policy.ts";

export const policySchema = z
  .object({
    timezone: z.string().refine(isTimeZone, "不是有效的时区名，例如 Asia/Shanghai"),
    /** The office as its documents name it (发文机关 of 信息专报 and 通报), e.g. 清河县人民政府总值班室. */
    office_name: z.string().trim().min(1, "office_name 不能为空").optional(),
    dialog: z
      .object({
        remind_after: durationSchema.prefault("10m"),
        expire_after: durationSchema.prefault("30m"),
      })
      .strict()
      .prefault({}),
    grades: incidentPolicyShape.grades.optional(),
    escalation: incidentPolicyShape.escalation.optional(),
    types: incidentPolicyShape.types.optional(),
    required_elements: incidentPolicyShape.required_elements,
    incident: incidentPolicyShape.incident,
    instructions: incidentPolicyShape.instructions,
    tasks: tasksPolicySchema.prefault({}),
    opinion: opinionPolicySchema.prefault({}),
  })
  .loose()
  .superRefine((policy, ctx) => {
    const given = (["grades", "escalation", "types"] as const).filter((key) => policy[key] !== undefined);
    if (given.length > 0 && given.length < 3) {
      for (const key of ["grades", "escalation", "types"] as const)
        if (policy[key] === undefined)
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `配置了 ${given.join("、")} 就必须同时配置 ${key}`,
          });
    }
    const ids = new Set<string>();
    policy.grades?.forEach((grade, i) => {
      if (ids.has(grade.id))
        ctx.addIssue({ code: "custom", path: ["grades", i, "id"], message: `等级 id 重复：${grade.id}` });
      ids.add(grade.id);
      if (grade.written_report_within < grade.first_report_within)
        ctx.addIssue({
          code: "custom",
          path: ["grades", i, "written_report_within"],
          message: "书面报告时限不能短于首报时限",
        });
    });
  });

export type Policy = z.infer<typeof policySchema>;

/** A policy whose incident rules are configured. */
export type IncidentPolicy = Policy & Required<Pick<Policy, "grades" | "escalation" | "types">>;

/** The incident capability's slice of the policy: its rules, or undefined when none are configured. */
export function incidentRules(policy: Policy): IncidentPolicy | undefined {
  const { grades, escalation, types } = policy;
  return grades && escalation && types ? { ...policy, grades, escalation, types } : undefined;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
