/**
 * Rows the reminders capability and the incident capability would have written, put straight into a
 * test's database: incidents, missed follow-ups, daily reports (零报告) and reminder pauses.
 */
import type { PrismaClient } from "../../../../src/store/generated/client.ts";

export const MINUTE = 60_000;

export interface IncidentRow {
  number: string;
  unitId: string;
  reportedAt: Date;
  lateByMs?: number;
  gradeId?: string;
  status?: "open" | "closed";
}

const REPORTERS: Record<string, string> = {
  qingshan: "zhangsan",
  baishui: "lisi",
  liulin: "wangwu",
  emergency: "feng-keyuan",
  health: "chu-keyuan",
};

export async function insertIncident(prisma: PrismaClient, row: IncidentRow): Promise<number> {
  const incident = await prisma.incident.create({
    data: {
      number: row.number,
      sourceKey: `fixture-${row.number}`,
      unitId: row.unitId,
      reporterId: REPORTERS[row.unitId] ?? "zhangsan",
      chatId: `${row.unitId}-work`,
      type: "事故灾难",
      gradeId: row.gradeId ?? "IV",
      occurredAt: new Date(row.reportedAt.getTime() - 10 * MINUTE),
      reportedAt: row.reportedAt,
      location: "某村",
      summary: "测试事件",
      deaths: 0,
      injured: 0,
      missing: 0,
      measures: "已处置",
      contactName: "联系人",
      contactPhone: "13800000000",
      lateByMs: row.lateByMs ?? 0,
      status: row.status ?? "closed",
      lastReportAt: row.reportedAt,
      acknowledgedAt: row.reportedAt,
      acknowledgedBy: "li-shuji",
    },
  });
  return incident.id;
}

export async function insertMissedFollowUp(
  prisma: PrismaClient,
  incidentId: number,
  at: Date,
): Promise<void> {
  await prisma.timelineEntry.create({ data: { incidentId, kind: "flagged_missed", at, detail: {} } });
}

export async function insertDaily(
  prisma: PrismaClient,
  rows: { unitId: string; day: string; status: "on_time" | "late" | "missed"; at: Date }[],
): Promise<void> {
  await prisma.dailyReport.createMany({
    data: rows.map((r) => ({
      unitId: r.unitId,
      day: r.day,
      status: r.status,
      kind: r.status === "missed" ? null : "zero",
      reporterId: r.status === "missed" ? null : (REPORTERS[r.unitId] ?? null),
      reportedAt: r.status === "missed" ? null : r.at,
      recordedAt: r.at,
    })),
  });
}
