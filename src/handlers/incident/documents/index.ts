/** What incident/ files: the 信息专报 (.docx) of an incident, on the desk and by `专报 2026-0042` in chat. */
import type { CapabilityParts } from "../../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { Office } from "../../office/office.ts";
import { incidentReportCommand } from "./incident-report-command.ts";
import { incidentReportDocument } from "./incident-report-document.ts";

/** Nothing without incident rules: there are no incidents to report on. */
export function incidentDocumentParts(rules: IncidentPolicy | undefined, office: Office): CapabilityParts {
  if (!rules) return {};
  return {
    commands: [incidentReportCommand(rules, office)],
    desk: { documents: [incidentReportDocument(rules, office)] },
  };
}
