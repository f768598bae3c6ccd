/**
 * The 终报 dialog: 处置结果 (required), 事件原因, 善后情况 and the final casualty counts (optional);
 * a summary to confirm; confirming closes the incident.
 */
import { defineDialog } from "../../../bot/core/dialog/definition.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { FinalReportData } from "./follow-up-data.ts";
import { finalReportSteps } from "./follow-up-steps.ts";
import { incidentRef, loadIncident } from "./incident-ref.ts";
import { followUpMessages as M, reportCardMessages as R } from "./messages.ts";
import { submitFinalReport } from "./submit-final-report.ts";

export const FINAL_REPORT_DIALOG = "incident.final-report";

/** The 终报 dialog under the incident rules (casualty limits; the grade's jobs it cancels). */
export const finalReportDialog = (rules: IncidentPolicy) =>
  defineDialog<FinalReportData>({
    id: FINAL_REPORT_DIALOG,
    version: 1,
    title: M.finalTitle,
    confirmLabel: M.confirmFinal,
    steps: finalReportSteps(rules),
    async initial(ctx, args) {
      const { incident, text } = await loadIncident(ctx, args);
      return { ...incidentRef(incident, ctx), ...(text ? { outcome: text } : {}) };
    },
    intro: (data) => ({ text: M.finalIntro(data.number ?? "", data.what ?? "") }),
    summaryFields: (data) => [{ label: R.incidentLabel, value: `${data.number ?? ""} ${data.what ?? ""}` }],
    complete: (ctx, data, submission) => submitFinalReport(ctx, data, submission, rules),
  });
