/**
 * Delivers the card of a filed 续报 or 终报 to the duty and leaders' groups. It is a job keyed by
 * the report, so a submission confirmed again after a crash posts its card exactly once; once sent,
 * the report's `cardSentAt` says so, and the start-up reconcile re-arms the job of any report
 * still without it (filed just before a crash, its job never scheduled).
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import type { Scheduler } from "../../../bot/core/ports.ts";
import { ELEMENTS } from "../../../config/incident-policy.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { PrismaClient } from "../../../store/generated/client.ts";
import { alertChats } from "../../office/audience.ts";
import type { FollowUpFacts } from "./assess-follow-up.ts";
import { reportCardMessages as R } from "./messages.ts";
import { finalCard, followUpCard } from "./report-cards.ts";

export const REPORT_CARD_JOB = "incident.report-card";

const schema = z.object({ reportId: z.number().int() });

export function scheduleReportCard(
  scheduler: Scheduler,
  report: { id: number; incidentId: number; sequence: number },
  now: Date,
): Promise<void> {
  return scheduler.schedule(`incident-${report.incidentId}-report-${report.sequence}-card`, now, {
    name: REPORT_CARD_JOB,
    data: { reportId: report.id },
  });
}

/** The card job under the policy's incident rules (without them it sends nothing). */
export const reportCardJob = (policy: IncidentPolicy | undefined): JobHandler<typeof schema> => ({
  name: REPORT_CARD_JOB,
  label: R.jobLabel,
  schema,
  async run(ctx, { reportId }) {
    if (!policy) return;
    const { database, directory } = ctx.services;
    const found = await database.incidentReport.findUnique({
      where: { id: reportId },
      include: { incident: true },
    });
    if (!found) return;
    const { incident, ...report } = found;
    const input = { incident, report, policy, directory };
    let card: ReturnType<typeof finalCard>;
    if (report.kind === "final") {
      card = finalCard(input);
    } else {
      card = followUpCard(input, await recordedFacts(database, incident.id, report));
    }
    for (const chatId of alertChats(directory)) await ctx.send(chatId, { card });
    await database.incidentReport.updateMany({
      where: { id: reportId, cardSentAt: null },
      data: { cardSentAt: ctx.services.clock.now() },
    });
  },
});

const factsSchema = z.object({
  sequence: z.number().int(),
  dueAt: z.string().nullable().default(null),
  lateByMs: z.number().default(0),
  supplemented: z.array(z.enum(ELEMENTS)).default([]),
  stillMissing: z.array(z.string()).default([]),
  completed: z.boolean().default(false),
});

/** The facts the `followed_up` timeline row recorded for a filed 续报. */
export async function recordedFacts(
  prisma: PrismaClient,
  incidentId: number,
  report: { receivedAt: Date; reporterId: string; sequence: number },
): Promise<FollowUpFacts> {
  const entry = await prisma.timelineEntry.findFirst({
    where: { incidentId, kind: "followed_up", at: report.receivedAt, actorId: report.reporterId },
    orderBy: { id: "desc" },
  });
  return factsOf(entry?.detail, report.sequence);
}

/** The facts recorded with the report; a row that cannot be read shows the report without them. */
export function factsOf(detail: unknown, sequence: number): FollowUpFacts {
  const parsed = factsSchema.safeParse(detail);
  if (!parsed.success || parsed.data.sequence !== sequence)
    return { sequence, dueAt: null, lateByMs: 0, supplemented: [], stillMissing: [], completed: false };
  return parsed.data;
}
