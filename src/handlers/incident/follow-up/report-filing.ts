/**
 * Puts a 续报 or 终报 on file in one transaction: the report row (numbered after the reports
 * before it), the change to the incident and the timeline rows. A submission is filed once: the
 * same source key returns what was filed. Two people filing at the same moment get consecutive
 * numbers, because the incident is only updated while it still has the count that was read.
 */
import type { Incident, IncidentReport, Prisma, PrismaClient } from "../../../store/generated/client.ts";
import type { TimelineKind } from "../incident-store.ts";

export interface ReportFiling {
  incidentId: number;
  kind: "follow_up" | "final";
  /** The dialog submission it comes from: `dialog-<session id>`. */
  sourceKey: string;
  reporterId: string;
  at: Date;
  content: object;
  /** Decides, from the incident as it is inside the transaction, what changes and how it is recorded. */
  prepare(current: Incident): PreparedFiling;
}

export interface PreparedFiling {
  changes: Prisma.IncidentUpdateManyMutationInput;
  late: boolean;
  timeline: { kind: TimelineKind; detail: object }[];
}

export type FilingResult =
  /** `before` is the incident as it was just before this report. */
  | { status: "filed"; report: IncidentReport; before: Incident; incident: Incident }
  | { status: "duplicate"; report: IncidentReport; incident: Incident }
  | { status: "closed"; incident: Incident };

class CountMoved extends Error {}

const ATTEMPTS = 5;

export async function fileReport(prisma: PrismaClient, filing: ReportFiling): Promise<FilingResult> {
  for (let attempt = 1; ; attempt++) {
    const earlier = await findFiled(prisma, filing.sourceKey);
    if (earlier) return earlier;
    try {
      return await prisma.$transaction((tx) => fileOnce(tx, filing));
    } catch (error) {
      const winner = await findFiled(prisma, filing.sourceKey);
      if (winner) return winner;
      if (!(error instanceof CountMoved) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function findFiled(prisma: PrismaClient, sourceKey: string): Promise<FilingResult | null> {
  const report = await prisma.incidentReport.findUnique({
    where: { sourceKey },
    include: { incident: true },
  });
  if (!report) return null;
  const { incident, ...row } = report;
  return { status: "duplicate", report: row, incident };
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

async function fileOnce(tx: Tx, filing: ReportFiling): Promise<FilingResult> {
  const before = await tx.incident.findUniqueOrThrow({ where: { id: filing.incidentId } });
  if (before.status !== "open") return { status: "closed", incident: before };
  const prepared = filing.prepare(before);
  const sequence = before.followUpCount + 1;
  const counted =
    filing.kind === "follow_up"
      ? { followUpCount: sequence, lastReportAt: filing.at }
      : { status: "closed", closedAt: filing.at };
  const { count } = await tx.incident.updateMany({
    where: { id: before.id, status: "open", followUpCount: before.followUpCount },
    data: { ...prepared.changes, ...counted },
  });
  if (count === 0) throw new CountMoved();
  const report = await tx.incidentReport.create({
    data: {
      incidentId: before.id,
      kind: filing.kind,
      // 续报一 is 1; a 终报 takes the place after the last 续报.
      sequence,
      sourceKey: filing.sourceKey,
      reporterId: filing.reporterId,
      receivedAt: filing.at,
      content: filing.content,
      late: prepared.late,
    },
  });
  await tx.timelineEntry.createMany({
    data: prepared.timeline.map((entry) => ({
      incidentId: before.id,
      at: filing.at,
      kind: entry.kind,
      actorId: filing.reporterId,
      detail: entry.detail,
    })),
  });
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: before.id } });
  return { status: "filed", report, before, incident };
}
