/**
 * Files a confirmed 续报: numbers it (续报一, 二 …), puts the 补报 elements and new counts on the
 * incident, hands the card to its job, arms the next follow-up check and gives the reporter a receipt.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { formatDurationZh, formatLocalTime } from "../../office/time-format.ts";
import { fileSessionAttachments } from "../attachments/file-session-attachments.ts";
import { gradeOf, scheduleFollowUpCheck } from "../incident-schedule.ts";
import { nextFollowUpDue } from "../rules/timing.ts";
import { assessFollowUp, type FollowUpFacts } from "./assess-follow-up.ts";
import type { FollowUpData } from "./follow-up-data.ts";
import { followUpMessages as M } from "./messages.ts";
import { followUpTitle } from "./ordinal.ts";
import { recordedFacts, scheduleReportCard } from "./report-card-job.ts";
import { fileReport } from "./report-filing.ts";

export async function submitFollowUp(
  ctx: ConversationContext,
  data: FollowUpData,
  submission: { id: string },
  policy: IncidentPolicy,
): Promise<void> {
  const { clock, database, scheduler } = ctx.services;
  const at = clock.now();
  let facts: FollowUpFacts | undefined;
  const result = await fileReport(database, {
    incidentId: data.incidentId,
    kind: "follow_up",
    sourceKey: `dialog-${submission.id}`,
    reporterId: ctx.person.id,
    at,
    content: data,
    prepare(current) {
      const assessment = assessFollowUp(current, data, policy, at);
      facts = assessment.facts;
      return {
        changes: assessment.changes,
        late: assessment.facts.lateByMs > 0,
        timeline: [{ kind: "followed_up", detail: assessment.facts }],
      };
    },
  });
  if (result.status === "closed") return ctx.reply(M.closed(result.incident.number));
  const { report, incident } = result;
  await fileSessionAttachments(ctx, submission.id);
  if (result.status === "duplicate") {
    facts = await recordedFacts(database, incident.id, report);
  }
  await scheduleReportCard(scheduler, report, at);
  const grade = gradeOf(policy, incident.gradeId);
  await scheduleFollowUpCheck(scheduler, grade, {
    id: incident.id,
    followUpCount: report.sequence,
    lastReportAt: report.receivedAt,
  });
  const title = followUpTitle(report.sequence);
  const lines = [M.followUpReceipt(title, incident.number)];
  if (facts && facts.lateByMs > 0) lines.push(M.followUpReceiptLate(formatDurationZh(facts.lateByMs)));
  if (facts?.completed) lines.push(M.followUpReceiptComplete);
  else if (facts && facts.stillMissing.length > 0) lines.push(M.followUpReceiptMissing(facts.stillMissing));
  const next = nextFollowUpDue(report.receivedAt, grade);
  if (incident.status === "open" && next) lines.push(M.nextDue(formatLocalTime(next, policy.timezone)));
  await ctx.reply({ text: lines.join("\n"), mentions: [ctx.person.id] });
}
