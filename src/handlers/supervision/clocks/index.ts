/**
 * What clocks/ contributes to the 督查督办 capability: the jobs that follow a unit's part when
 * nobody acts — the signing reminder, 【催办】, the 【督办】 rounds, 催报 — and their rebuild from the
 * database. (The task card's notify job is assign/'s.)
 */

import type { CapabilityParts } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import { overdueJob } from "./overdue-job.ts";
import { progressJob } from "./progress-job.ts";
import { rebuildTaskTimers } from "./rebuild-timers.ts";
import { remindJob } from "./remind-job.ts";
import { signCheckJob } from "./sign-check-job.ts";

export function clockParts(rules: TasksPolicy, office: Office): CapabilityParts {
  return {
    jobs: [
      signCheckJob(rules, office),
      remindJob(rules, office),
      overdueJob(rules, office),
      progressJob(rules, office),
    ],
    rebuildTimers: (services) => rebuildTaskTimers(services, rules),
  };
}
