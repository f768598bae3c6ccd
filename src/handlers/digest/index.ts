/**
 * Digest capability (信息汇总): new incidents by grade, open incidents and what they wait for, late
 * and missed reports, unconfirmed instructions, 零报告 compliance and paused reminders — on demand
 * with 日报, and by the `digest` job the schedules run (e.g. 08:00 and 18:00).
 */
import type { Capability } from "../../bot/core/capability.ts";
import type { OpinionPolicy } from "../../config/opinion-policy.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { digestCommand, digestJob } from "./digest.ts";

/**
 * The digest over the policy's incident rules; without them 日报 says so and the job sends nothing.
 * `opinion`: the 舆情 rules, for the 舆情 section (left out without them).
 */
export function digestCapability(rules: IncidentPolicy | undefined, opinion?: OpinionPolicy): Capability {
  return { name: "digest", commands: [digestCommand(rules, opinion)], jobs: [digestJob(rules, opinion)] };
}
