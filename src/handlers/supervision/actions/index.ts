/** What actions/ contributes to the 督查督办 capability (filled in as it is built). */
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import type { CapabilityParts } from "../capability-parts.ts";

export function partActionParts(_rules: TasksPolicy, _office: Office): CapabilityParts {
  return {};
}
