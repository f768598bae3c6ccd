/**
 * The incident rules of config/policy.yaml: grades with their time limits, who is alerted level by
 * level, event types, the elements a written report needs, and the follow-up rules. Every number
 * is the office's own; none lives in code.
 */
import { z } from "zod";
import { durationSchema } from "./duration.ts";
import { ROLES } from "./org.ts";

export const ELEMENTS = ["occurred_at", "location", "summary", "casualties", "measures", "contact"] as const;
export type Element = (typeof ELEMENTS)[number];

const countThreshold = z.number().int().min(1, "人数门槛应为正整数");

export const gradeSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9]+$/, "等级 id 只能用字母和数字，例如 I、II"),
    name: z.string().min(1),
    /** Header colour of alerts at this grade. */
    color: z.enum(["red", "orange", "yellow", "blue"]).optional(),
    first_report_within: durationSchema,
    written_report_within: durationSchema,
    ack_within: durationSchema,
    urgent: z.boolean().default(false),
    /**
     * Paid 加急 where the platform has it (Feishu SMS and phone, charged to the tenant's quota): from
     * this escalation level on (0 = the first alert, 1 = the first reminder…). Unset: never.
     */
    urgent_sms_from_level: z.number().int().min(0, "应为 0 或更大的整数").optional(),
    urgent_phone_from_level: z.number().int().min(0, "应为 0 或更大的整数").optional(),
    follow_up_every: durationSchema.optional(),
    /** The grade suggested when any count reaches its threshold (most severe grade first). */
    suggest_when: z
      .object({
        deaths: countThreshold.optional(),
        injured: countThreshold.optional(),
        missing: countThreshold.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * `duty`, `leader`, `duty_leader` (today's 带班领导), `director@duty-office` (a role in one unit),
 * `director@reporting` (the reporting unit's), or a person id.
 */
export const recipientSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*(@[a-z0-9][a-z0-9_-]*)?$/, "应为角色、角色@单位或人员 id");

export const incidentPolicyShape = {
  grades: z.array(gradeSchema).min(1, "至少要有一个等级"),
  escalation: z.array(z.array(recipientSchema).min(1, "每一级至少一个接收人")).min(1, "至少要有一级"),
  types: z.array(z.string().min(1)).min(1),
  required_elements: z.array(z.enum(ELEMENTS)).default([...ELEMENTS]),
  incident: z
    .object({
      /** Roles that may acknowledge (已阅) an alert. */
      acknowledge_roles: z.array(z.enum(ROLES)).min(1).default(["leader", "director"]),
      /** Roles that may give an instruction (批示). */
      instruct_roles: z.array(z.enum(ROLES)).min(1).default(["leader"]),
      /** Remind the reporter this long before the written-report deadline while elements are missing. */
      remind_reporter_before: durationSchema.prefault("20m"),
      /** …and the unit's director this long before it. */
      remind_director_before: durationSchema.prefault("10m"),
      /** Acknowledged, but no instruction and no follow-up for this long: one re-notification. */
      renotify_after: durationSchema.prefault("1h"),
      /** An event time this far in the past needs the reporter's confirmation. */
      confirm_event_older_than: durationSchema.prefault("24h"),
      /** Largest believable count of deaths, injured or missing in one report. */
      max_casualties: z.number().int().min(1).default(10_000),
      /** Photos the reporter sends this long after filing a report, in the same chat, go with it. */
      attach_within: durationSchema.prefault("30m"),
      /** Most photos and videos one report takes. */
      max_attachments: z.number().int().min(1).max(50).default(9),
    })
    .strict()
    .prefault({}),
  instructions: z
    .object({
      /** Chase people who have not confirmed (收到) an instruction after this long… */
      chase_after: durationSchema.prefault("30m"),
      /** …this many times at most, then tell the leader who has not. */
      chase_times: z.number().int().min(0).max(10).default(2),
    })
    .strict()
    .prefault({}),
};
