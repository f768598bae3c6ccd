/** Files a confirmed 首报: checks its timing and completeness, numbers it, and hands it to the alert job. */

import type { ConversationContext } from "../../../bot/core/context.ts";
import type { CardField } from "../../../bot/core/message.ts";
import { instantToLocal } from "../../../bot/core/wall-clock.ts";
import type { Element } from "../../../config/incident-policy.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { formatDurationZh, formatLocalTime } from "../../office/time-format.ts";
import { fileSessionAttachments } from "../attachments/file-session-attachments.ts";
import {
  gradeOf,
  scheduleAlert,
  scheduleFollowUpCheck,
  scheduleWrittenChecks,
} from "../incident-schedule.ts";
import { IncidentStore, type NewIncident } from "../incident-store.ts";
import { CARD_LABELS, ELEMENT_NAMES, incidentMessages as M } from "../messages.ts";
import { missingElements } from "../rules/completeness.ts";
import { suggestGrade } from "../rules/grading.ts";
import { firstReportTiming } from "../rules/timing.ts";
import { countsOf, wordsOf } from "../understanding/casualties.ts";
import type { FirstReportData } from "./first-report-data.ts";

interface Assessment {
  lateByMs: number;
  firstDue: Date | null;
  writtenDue: Date;
  missing: string[];
}

/** The required elements a first report still lacks (counts written without numbers are lacking). */
export function firstReportMissing(data: Partial<FirstReportData>, policy: IncidentPolicy): Element[] {
  return missingElements(
    {
      occurredAt: data.occurredAt ? new Date(data.occurredAt) : null,
      location: data.location,
      summary: data.summary,
      casualties: countsOf(data.casualties),
      measures: data.measures,
      contactName: data.contact?.name ?? data.contact?.post,
      contactPhone: data.contact?.phone,
    },
    policy.required_elements,
  );
}

function assess(data: Partial<FirstReportData>, policy: IncidentPolicy, reportedAt: Date): Assessment {
  const grade = gradeOf(policy, data.gradeId ?? "");
  const occurredAt = data.occurredAt ? new Date(data.occurredAt) : null;
  const learnedAt = data.learnedAt ? new Date(data.learnedAt) : null;
  const missing = firstReportMissing(data, policy);
  const start = occurredAt ?? learnedAt;
  if (!start) {
    return {
      lateByMs: 0,
      firstDue: null,
      writtenDue: new Date(reportedAt.getTime() + grade.written_report_within),
      missing,
    };
  }
  const timing = firstReportTiming({ occurredAt: start, learnedAt, reportedAt, grade });
  return { lateByMs: timing.lateByMs, firstDue: timing.firstDue, writtenDue: timing.writtenDue, missing };
}

/** The lines the summary card adds: the time limit and what is still missing. */
export function describeSubmission(
  data: Partial<FirstReportData>,
  ctx: ConversationContext,
  rules: IncidentPolicy,
): CardField[] {
  if (!data.gradeId) return [];
  const now = ctx.services.clock.now();
  const result = assess(data, rules, now);
  const fields: CardField[] = [];
  if (result.firstDue) {
    const due = formatLocalTime(result.firstDue, rules.timezone);
    fields.push({
      label: M.timingField,
      value: result.lateByMs > 0 ? M.lateLabel(formatDurationZh(result.lateByMs)) : M.onTime(due),
    });
  }
  if (result.missing.length > 0)
    fields.push({
      label: CARD_LABELS.missing,
      value: result.missing.map((e) => ELEMENT_NAMES[e as keyof typeof ELEMENT_NAMES]).join("、"),
    });
  return fields;
}

export async function submitFirstReport(
  ctx: ConversationContext,
  data: FirstReportData,
  submission: { id: string },
  policy: IncidentPolicy,
): Promise<void> {
  const { clock, database, scheduler } = ctx.services;
  const reportedAt = clock.now();
  const result = assess(data, policy, reportedAt);
  const input: NewIncident = {
    sourceKey: `dialog-${submission.id}`,
    unitId: ctx.person.unit,
    reporterId: ctx.person.id,
    chatId: ctx.chat.id,
    type: data.type,
    gradeId: data.gradeId,
    suggestedGradeId: suggestGrade(countsOf(data.casualties), policy.grades)?.id ?? null,
    occurredAt: data.occurredAt ? new Date(data.occurredAt) : null,
    learnedAt: data.learnedAt ? new Date(data.learnedAt) : null,
    reportedAt,
    location: data.location ?? null,
    summary: data.summary ?? null,
    deaths: countsOf(data.casualties)?.deaths ?? null,
    injured: countsOf(data.casualties)?.injured ?? null,
    missing: countsOf(data.casualties)?.missing ?? null,
    casualtyWords: wordsOf(data.casualties),
    measures: data.measures ?? null,
    contactName: data.contact?.name ?? null,
    contactPhone: data.contact?.phone ?? null,
    contactPost: data.contact?.post ?? null,
    lateByMs: result.lateByMs,
    writtenDueAt: result.writtenDue,
    completedAt: result.missing.length === 0 ? reportedAt : null,
    content: data,
    year: instantToLocal(reportedAt, policy.timezone).year,
    missingElements: result.missing,
  };
  const { incident, created } = await new IncidentStore(database).create(input);
  // Before the alert is scheduled: the alert carries the photos sent during the dialog.
  await fileSessionAttachments(ctx, submission.id);
  if (created) {
    await scheduleAlert(scheduler, incident, reportedAt);
    await scheduleWrittenChecks(scheduler, policy, incident, reportedAt);
    await scheduleFollowUpCheck(scheduler, gradeOf(policy, incident.gradeId), incident);
  }
  // Also when confirmed again after a crash: the daily report may not have been written yet.
  await ctx.emit("incident.filed", { incident, ...(data.origin ? { origin: data.origin } : {}) });
  const lines = [M.receipt(incident.number)];
  if (incident.lateByMs > 0) lines.push(M.receiptLate(formatDurationZh(incident.lateByMs)));
  if (result.missing.length > 0)
    lines.push(M.receiptMissing(result.missing.map((e) => ELEMENT_NAMES[e as keyof typeof ELEMENT_NAMES])));
  await ctx.reply({ text: lines.join("\n"), mentions: [ctx.person.id] });
}
