/** The `incident-report` document of the desk: an incident's 信息专报, asked for by its database id. */
import { type DeskDocument, DocumentParamError } from "../../../bot/core/desk.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { Office } from "../../office/office.ts";
import { IncidentStore } from "../incident-store.ts";
import { incidentReportMessages as M } from "../messages.ts";
import { incidentReportFile } from "./incident-report-file.ts";

export const INCIDENT_REPORT_DOCUMENT = "incident-report";

export function incidentReportDocument(rules: IncidentPolicy, office: Office): DeskDocument {
  return {
    id: INCIDENT_REPORT_DOCUMENT,
    title: M.documentTitle,
    params: [{ name: "incident", label: M.paramIncident, example: "42" }],
    async produce(ctx, params) {
      const id = Number(params.incident);
      if (!params.incident || !Number.isSafeInteger(id) || id <= 0)
        throw new DocumentParamError("incident", M.badIncident);
      const incident = await new IncidentStore(ctx.services.database).byId(id);
      if (!incident) return null;
      return (await incidentReportFile(ctx, incident, rules, office))?.file ?? null;
    },
  };
}
