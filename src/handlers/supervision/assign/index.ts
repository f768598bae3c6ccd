/** What assign/ contributes to the 督查督办 capability (filled in as it is built). */
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import type { Office } from "../../office/office.ts";
import type { CapabilityParts } from "../capability-parts.ts";

export function assignParts(
  _rules: TasksPolicy,
  _office: Office,
  _incident: IncidentPolicy | undefined,
): CapabilityParts {
  return {};
}
