/**
 * Files a confirmed 终报: the incident is closed, every job it still has waiting is cancelled
 * (and would do nothing anyway: jobs re-check that it is open), its card goes to the alert's
 * audience and the reporter gets a receipt.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { fileSessionAttachments } from "../attachments/file-session-attachments.ts";
import { gradeOf } from "../incident-schedule.ts";
import { casualtyColumns } from "./assess-follow-up.ts";
import { type FinalReportData, givenCasualties } from "./follow-up-data.ts";
import { cancelJobs, incidentJobKeys } from "./incident-job-keys.ts";
import { followUpMessages as M } from "./messages.ts";
import { scheduleReportCard } from "./report-card-job.ts";
import { fileReport } from "./report-filing.ts";

export async function submitFinalReport(
  ctx: ConversationContext,
  data: FinalReportData,
  submission: { id: string },
  policy: IncidentPolicy,
): Promise<void> {
  const { clock, database, scheduler } = ctx.services;
  const at = clock.now();
  const casualties = givenCasualties(data.finalCasualties);
  const result = await fileReport(database, {
    incidentId: data.incidentId,
    kind: "final",
    sourceKey: `dialog-${submission.id}`,
    reporterId: ctx.person.id,
    at,
    content: data,
    prepare: (current) => ({
      changes: casualties ? casualtyColumns(casualties) : {},
      late: false,
      timeline: [
        { kind: "final", detail: { sequence: current.followUpCount + 1 } },
        { kind: "closed", detail: {} },
      ],
    }),
  });
  if (result.status === "closed") return ctx.reply(M.closed(result.incident.number));
  const { report, incident } = result;
  await fileSessionAttachments(ctx, submission.id);
  // A 终报 leaves the follow-up count and the last report time alone, so the keys derive the same after it.
  await cancelJobs(scheduler, incidentJobKeys(incident, gradeOf(policy, incident.gradeId), at));
  await scheduleReportCard(scheduler, report, at);
  await ctx.reply({ text: M.finalReceipt(incident.number), mentions: [ctx.person.id] });
}
