/**
 * Digest capability (信息汇总): new incidents by grade, open incidents and what they wait for, late
 * and missed reports, unconfirmed instructions, 零报告 compliance and paused reminders — on demand
 * with 日报, and by the `digest` job the schedules run (e.g. 08:00 and 18:00).
 */
import type { Capability } from "../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { digestCommand, digestJob } from "./digest.ts";

/** The digest over the policy's incident rules; without them 日报 says so and the job sends nothing. */
export function digestCapability(rules: IncidentPolicy | undefined): Capability {
  return { name: "digest", commands: [digestCommand(rules)], jobs: [digestJob(rules)] };
}
