/**
 * The 首报 dialog: guided step by step, or started from a whole paragraph (`上报 今天14时20分，…`),
 * in which case what was understood is shown and only the missing steps are asked. Ends with a
 * summary card (确认上报 / 修改); confirming files the incident once and hands it to the alert job.
 * Where the platform shows forms, the same steps are offered at once as a one-page form card.
 */
import { defineDialog } from "../../../bot/core/dialog/definition.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import { FIRST_REPORT_LABELS as L, incidentMessages as M } from "../messages.ts";
import { gradeByCasualties } from "../rules/grading.ts";
import { countsOf } from "../understanding/casualties.ts";
import { extractReport } from "../understanding/extract-report.ts";
import type { FirstReportData } from "./first-report-data.ts";
import { CLOCK_SKEW_MS, firstReportSteps } from "./first-report-steps.ts";
import { describeSubmission, firstReportMissing, submitFirstReport } from "./submit-first-report.ts";

export const FIRST_REPORT_DIALOG = "incident.first-report";

/** The 首报 dialog under the incident rules (types, grades, limits, time zone). */
export function firstReportDialog(rules: IncidentPolicy) {
  const steps = firstReportSteps(rules);
  /**
   * A paragraph that gives every step but the grade, with every required element, and casualties
   * that decide a grade: the grade is filled in as suggested (shown so, and changed with 修改), and
   * the dialog goes straight to the summary.
   */
  const withSuggestedGrade = (data: Partial<FirstReportData>): Partial<FirstReportData> => {
    const open = steps.filter((s) => s.field !== "gradeId" && !(s.field in data));
    if (open.length > 0 || firstReportMissing(data, rules).length > 0) return data;
    const grade = gradeByCasualties(countsOf(data.casualties), rules.grades);
    return grade ? { ...data, gradeId: grade.id, suggestedGradeId: grade.id } : data;
  };
  return defineDialog<FirstReportData>({
    id: FIRST_REPORT_DIALOG,
    version: 1,
    title: M.dialogTitle,
    confirmLabel: M.confirmLabel,
    steps,
    // All fields on one screen where the platform shows forms; the steps' own rules check it.
    form: {
      title: M.formTitle,
      note: M.formNote,
      submitLabel: M.formSubmit,
      order: ["type", "grade", "time", "location", "summary", "casualties", "measures", "contact"],
    },
    initial(ctx, paragraph) {
      if (!paragraph.trim()) return {};
      const { clock } = ctx.services;
      const found = extractReport(paragraph, {
        now: clock.now(),
        timeZone: rules.timezone,
        types: rules.types,
        maxCasualties: rules.incident.max_casualties,
      });
      const data: Partial<FirstReportData> = { source: paragraph.trim() };
      if (Object.keys(found).length === 0) return data;
      if (found.type) data.type = found.type;
      if (found.occurredAt && found.occurredAt.getTime() <= clock.now().getTime() + CLOCK_SKEW_MS)
        data.occurredAt = found.occurredAt.toISOString();
      else if (found.occurredAt) data.futureOccurredAt = found.occurredAt.toISOString();
      if (found.learnedAt) data.learnedAt = found.learnedAt.toISOString();
      if (found.location) data.location = found.location;
      data.summary = found.summary ?? paragraph.trim().slice(0, 2000);
      if (found.casualties) data.casualties = found.casualties;
      if (found.measures) data.measures = found.measures;
      if (found.contact?.phone) data.contact = found.contact;
      return withSuggestedGrade(data);
    },
    intro(data, ctx) {
      const filled = steps.filter((s) => data[s.field] !== undefined && data[s.field] !== null);
      if (filled.length === 0) return data.source ? { text: M.nothingUnderstood } : undefined;
      const missing = steps.filter((s) => data[s.field] === undefined).map((s) => s.label);
      // Nothing left to ask: the summary card that follows shows all of it.
      if (missing.length === 0) return undefined;
      const tz = rules.timezone;
      const fields = filled.map((s) => ({
        label: s.label,
        value:
          s.field === "occurredAt"
            ? formatLocalTime(new Date(String(data.occurredAt)), tz)
            : (s.format?.(data[s.field], data, ctx) ?? String(data[s.field])),
      }));
      if (data.futureOccurredAt)
        fields.unshift({
          label: L.occurredAt,
          value: M.timeNotTaken(formatLocalTime(new Date(data.futureOccurredAt), tz)),
        });
      return {
        card: {
          title: M.understood,
          fields,
          buttons: [],
          note: M.understoodNote(missing),
        },
      };
    },
    summaryFields: (data, ctx) => describeSubmission(data, ctx, rules),
    complete: (ctx, data, submission) => submitFirstReport(ctx, data, submission, rules),
  });
}
