/** What supervision/ files: the 督办台账 with lights (.xlsx), on the desk and by `台账 督办` in chat. */
import type { CapabilityParts } from "../../../bot/core/capability.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";

export function sheetParts(_rules: TasksPolicy, _office: Office): CapabilityParts {
  return {};
}
