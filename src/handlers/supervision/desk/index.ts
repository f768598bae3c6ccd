/** What supervision/ brings to the duty desk: the 督办 panel with lights, a task's page and the on-time chart. */
import type { CapabilityParts } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";

export function deskParts(_rules: TasksPolicy, _office: Office): CapabilityParts {
  return {};
}
