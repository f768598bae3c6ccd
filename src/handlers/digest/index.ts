/**
 * Digest capability (信息汇总): new incidents by grade, open incidents and what they wait for, late
 * and missed reports, unconfirmed instructions, 零报告 compliance and paused reminders — on demand
 * with 日报, and by the `digest` job the schedules run (e.g. 08:00 and 18:00).
 */
import type { Capability } from "../../bot/core/capability.ts";
import { digestCommand, digestJob } from "./digest.ts";

export const digestCapability: Capability = {
  name: "digest",
  commands: [digestCommand],
  jobs: [digestJob],
};
