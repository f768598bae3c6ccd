/**
 * `专报 2026-0042`: the incident's 信息专报 (.docx), sent to the asker one-to-one. Leaders, the duty
 * office and admins may have any; a unit's director their own unit's; anyone else is told why not.
 */
import type { Command } from "../../../bot/core/capability.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { OFFICE_DOCUMENT_ROLES } from "../../office/desk-viewer.ts";
import { officialDocumentMessages } from "../../office/messages.ts";
import type { Office } from "../../office/office.ts";
import { deskContextOf, sendDocument } from "../../office/send-document.ts";
import { incidentByNumberText } from "../find-incident.ts";
import { incidentReportMessages as M } from "../messages.ts";
import { incidentReportFile } from "./incident-report-file.ts";

export const incidentReportCommand = (rules: IncidentPolicy, office: Office): Command => ({
  names: ["专报", "/bulletin"],
  summary: M.commandSummary,
  roles: [...OFFICE_DOCUMENT_ROLES, "director"],
  async run(ctx, args) {
    const words = args.trim();
    if (!words) return ctx.reply(M.usage);
    const incident = await incidentByNumberText(ctx, words, office.timezone);
    if (!incident) return;
    const made = await incidentReportFile(deskContextOf(ctx), incident, rules, office);
    if (!made) return ctx.reply(M.notYours(incident.number));
    await sendDocument(
      ctx,
      made.file,
      M.caption(incident.number, officialDocumentMessages.issue(made.issue)),
    );
  },
});
