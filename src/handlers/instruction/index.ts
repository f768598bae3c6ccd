/**
 * Instruction capability (批示): a leader instructs from the alert card's 批示 button or with
 * `批示 2026-0042 …`; the instruction goes to the reporting unit's group and the duty groups, the
 * unit's directors and the reporter confirm with 收到, those who do not are chased, and the leader
 * hears when everyone confirmed or who has not.
 */
import type { Capability } from "../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { instructCommand } from "./instruct-command.ts";
import { instructionActions } from "./instruction-actions.ts";
import { instructionDialog } from "./instruction-dialog.ts";
import { chaseJob } from "./jobs/chase-job.ts";
import { relayJob } from "./jobs/relay-job.ts";
import { rebuildInstructionTimers } from "./rebuild-timers.ts";
import { receiptCommand } from "./receipt-command.ts";

/**
 * Instructions under the policy's incident rules; without them no timer is re-armed and the jobs do
 * nothing. `timezone`: the office's (收到 reads incident numbers and shows times in it).
 */
export function instructionCapability(rules: IncidentPolicy | undefined, timezone: string): Capability {
  return {
    name: "instruction",
    commands: [instructCommand(rules), receiptCommand(timezone)],
    actions: [instructionActions(rules, timezone)],
    dialogs: [instructionDialog(rules)],
    jobs: [relayJob(rules), chaseJob(rules)],
    ...(rules && { rebuildTimers: (services) => rebuildInstructionTimers(services, rules) }),
  };
}
