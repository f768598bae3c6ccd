/**
 * Incidents in the database: numbering, creation from a confirmed first report (once per
 * submission), the append-only timeline, and look-ups by number.
 */
import type { Incident, PrismaClient } from "../../store/generated/client.ts";
import { formatIncidentNumber } from "./rules/incident-number.ts";

export type { Incident };

export type TimelineKind =
  | "reported"
  | "alerted"
  | "escalated"
  | "acknowledged"
  | "renotified"
  | "follow_up_requested"
  | "instructed"
  | "confirmed"
  | "chased"
  | "followed_up"
  | "final"
  | "closed"
  | "flagged_late"
  | "flagged_incomplete"
  | "flagged_missed"
  | "reminded";

/** What a confirmed first report puts on file. */
export interface NewIncident {
  sourceKey: string;
  unitId: string;
  reporterId: string;
  chatId: string;
  type: string;
  gradeId: string;
  suggestedGradeId: string | null;
  occurredAt: Date | null;
  learnedAt: Date | null;
  reportedAt: Date;
  location: string | null;
  summary: string | null;
  deaths: number | null;
  injured: number | null;
  missing: number | null;
  /** The reporter's words about casualties, when they say more than the counts or give none. */
  casualtyWords: string | null;
  measures: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactPost: string | null;
  lateByMs: number;
  writtenDueAt: Date | null;
  completedAt: Date | null;
  /** The report as the reporter confirmed it, kept as received. */
  content: Record<string, unknown>;
  /** The year the number counts in (the policy's time zone). */
  year: number;
  missingElements: string[];
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export class IncidentStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Files the incident with its first report and timeline; a second call with the same source key returns the first. */
  async create(input: NewIncident): Promise<{ incident: Incident; created: boolean }> {
    const existing = await this.prisma.incident.findUnique({ where: { sourceKey: input.sourceKey } });
    if (existing) return { incident: existing, created: false };
    try {
      const incident = await this.prisma.$transaction(async (tx) => {
        const sequence = await nextSequence(tx, input.year);
        const { content, year: _year, missingElements, ...fields } = input;
        const incident = await tx.incident.create({
          data: {
            ...fields,
            number: formatIncidentNumber(input.year, sequence),
            lastReportAt: input.reportedAt,
          },
        });
        await tx.incidentReport.create({
          data: {
            incidentId: incident.id,
            kind: "first",
            sequence: 0,
            sourceKey: input.sourceKey,
            reporterId: input.reporterId,
            receivedAt: input.reportedAt,
            content: content as object,
            late: input.lateByMs > 0,
          },
        });
        const entries: { kind: TimelineKind; detail: object }[] = [
          { kind: "reported", detail: { gradeId: input.gradeId } },
        ];
        if (input.lateByMs > 0) entries.push({ kind: "flagged_late", detail: { lateByMs: input.lateByMs } });
        if (missingElements.length > 0)
          entries.push({ kind: "flagged_incomplete", detail: { missing: missingElements } });
        await tx.timelineEntry.createMany({
          data: entries.map((e) => ({
            incidentId: incident.id,
            at: input.reportedAt,
            kind: e.kind,
            actorId: input.reporterId,
            detail: e.detail,
          })),
        });
        return incident;
      });
      return { incident, created: true };
    } catch (error) {
      // Two submissions racing: the unique source key let one through; return that one.
      const winner = await this.prisma.incident.findUnique({ where: { sourceKey: input.sourceKey } });
      if (winner) return { incident: winner, created: false };
      throw error;
    }
  }

  byId(id: number): Promise<Incident | null> {
    return this.prisma.incident.findUnique({ where: { id } });
  }

  byNumber(number: string): Promise<Incident | null> {
    return this.prisma.incident.findUnique({ where: { number } });
  }

  openOfUnit(unitId: string): Promise<Incident[]> {
    return this.prisma.incident.findMany({ where: { unitId, status: "open" }, orderBy: { id: "desc" } });
  }

  async record(
    incidentId: number,
    kind: TimelineKind,
    at: Date,
    actorId: string | null,
    detail: object = {},
  ): Promise<void> {
    await this.prisma.timelineEntry.create({ data: { incidentId, kind, at, actorId, detail } });
  }

  /**
   * Applies a change only while the incident still matches `where` (another worker may have moved
   * it on). With `entry`, the timeline entry is written by the same SQL statement, so a process
   * killed in between leaves neither or both (one statement: a transaction here held PGlite's one
   * connection over four round trips and halved the escalations fired per second).
   */
  async updateIf(
    id: number,
    where: Partial<Pick<Incident, ConditionField>>,
    data: Partial<Pick<Incident, ChangedField>>,
    entry?: TimelineEntryInput,
  ): Promise<boolean> {
    if (!entry) return (await this.prisma.incident.updateMany({ where: { id, ...where }, data })).count > 0;
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const sets = Object.entries(data).map(([field, value]) => `${column(field)} = ${param(value)}`);
    const conditions = Object.entries(where).map(([field, value]) =>
      value === null ? `${column(field)} IS NULL` : `${column(field)} = ${param(value)}`,
    );
    const { kind, at, actorId, detail = {} } = entry;
    const inserted = await this.prisma.$executeRawUnsafe(
      `WITH changed AS (
         UPDATE incident SET ${sets.join(", ")}
         WHERE ${[`id = ${param(id)}`, ...conditions].join(" AND ")}
         RETURNING id)
       INSERT INTO timeline_entry (incident_id, kind, at, actor_id, detail)
       SELECT id, ${param(kind)}, ${param(at)}, ${param(actorId)}, ${param(JSON.stringify(detail))}::jsonb
       FROM changed`,
      ...params,
    );
    return inserted > 0;
  }
}

/** What `updateIf` may test, and what it may change, with their columns. */
const COLUMNS = {
  status: "status",
  escalationLevel: "escalation_level",
  alertedAt: "alerted_at",
  acknowledgedAt: "acknowledged_at",
  acknowledgedBy: "acknowledged_by",
  renotifiedAt: "renotified_at",
  writtenOverdueAt: "written_overdue_at",
  missedFollowUps: "missed_follow_ups",
} as const;

type ConditionField = "status" | "escalationLevel" | "alertedAt" | "acknowledgedAt" | "writtenOverdueAt";
type ChangedField = keyof typeof COLUMNS;

function column(field: string): string {
  const name = COLUMNS[field as ChangedField];
  if (!name) throw new Error(`IncidentStore.updateIf cannot use ${field}`);
  return name;
}

/** A timeline entry written together with a change (see `IncidentStore.updateIf`). */
export interface TimelineEntryInput {
  kind: TimelineKind;
  at: Date;
  actorId: string | null;
  detail?: object;
}

async function nextSequence(tx: Tx, year: number): Promise<number> {
  const row = await tx.incidentSequence.upsert({
    where: { year },
    create: { year, last: 1 },
    update: { last: { increment: 1 } },
  });
  return row.last;
}
