/** What incident/ files: the 信息专报 (.docx) of an incident, on the desk and by `专报 2026-0042` in chat. */
import type { CapabilityParts } from "../../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { Office } from "../../office/office.ts";

export function incidentDocumentParts(_rules: IncidentPolicy | undefined, _office: Office): CapabilityParts {
  return {};
}
