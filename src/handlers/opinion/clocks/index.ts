/**
 * What clocks/ contributes to the 舆情 capability: the reminder before each deadline (核实, 回应),
 * the escalation rounds after it, and their rebuild from the database. (The alert job is register/'s;
 * the keys and arming are ../item-timers.ts.)
 */
import type { OpinionParts, OpinionSetting } from "../opinion-parts.ts";
import { overdueJob } from "./overdue-job.ts";
import { rebuildOpinionTimers } from "./rebuild-timers.ts";
import { remindJob } from "./remind-job.ts";

export function clockParts(setting: OpinionSetting): OpinionParts {
  return {
    jobs: [remindJob(setting), overdueJob(setting)],
    rebuildTimers: (services) => rebuildOpinionTimers(services, setting.rules),
  };
}
