/** Reads what a digest shows, for one window, from the incident, instruction, daily-report and pause tables. */

import type { DatabaseClient } from "../../bot/core/services.ts";
import { addCivilDays, dayString, localDayString } from "../../bot/core/wall-clock.ts";
import { daysBetween, localDay, startOfDay } from "../office/days.ts";
import type { DigestFacts } from "./digest-card.ts";
import type { DigestWindow } from "./digest-window.ts";

/** Days the incidents-per-day chart covers, today included. */
const CHART_DAYS = 7;

export async function loadDigestFacts(
  prisma: DatabaseClient,
  tz: string,
  window: DigestWindow,
): Promise<DigestFacts> {
  const inWindow = { gte: window.from, lte: window.to };
  const today = localDay(window.to, tz);
  const chartFrom = addCivilDays(today, -(CHART_DAYS - 1));
  const shownDays = [dayString(addCivilDays(today, -1)), dayString(today)];
  const [newIncidents, openIncidents, missed, lateOrMissedDaily, instructions, daily, pauses, recent] =
    await Promise.all([
      prisma.incident.findMany({ where: { reportedAt: inWindow }, orderBy: { reportedAt: "asc" } }),
      prisma.incident.findMany({ where: { status: "open" }, orderBy: { reportedAt: "asc" } }),
      prisma.timelineEntry.findMany({
        where: { kind: "flagged_missed", at: inWindow },
        select: { incident: { select: { unitId: true, number: true } } },
        orderBy: { at: "asc" },
      }),
      prisma.dailyReport.findMany({
        where: {
          OR: [
            { status: "late", reportedAt: inWindow },
            { status: "missed", recordedAt: inWindow },
          ],
        },
        select: { unitId: true, day: true, status: true },
        orderBy: { day: "asc" },
      }),
      prisma.instruction.findMany({
        where: { completedAt: null, incident: { status: "open" } },
        include: {
          receipts: { where: { confirmedAt: null }, select: { personId: true } },
          incident: { select: { number: true } },
        },
        orderBy: { createdAt: "asc" },
      }),
      prisma.dailyReport.findMany({
        where: { day: { in: shownDays } },
        select: { unitId: true, day: true, status: true },
      }),
      prisma.reminderPause.findMany({
        where: { endedAt: null, from: { lte: window.to }, until: { gt: window.to } },
        orderBy: { until: "asc" },
      }),
      prisma.incident.findMany({
        where: { reportedAt: { gte: startOfDay(chartFrom, tz), lte: window.to } },
        select: { reportedAt: true },
      }),
    ]);
  const perDay = new Map(daysBetween(chartFrom, today).map((day) => [day, 0]));
  for (const { reportedAt } of recent) {
    const day = localDayString(reportedAt, tz);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return {
    window,
    newIncidents,
    openIncidents,
    lateAndMissed: {
      lateIncidents: newIncidents
        .filter((i) => i.lateByMs > 0)
        .map((i) => ({ unitId: i.unitId, number: i.number, lateByMs: i.lateByMs })),
      missedFollowUps: missed.map((m) => m.incident),
      dailyExceptions: lateOrMissedDaily,
    },
    instructions: instructions
      .filter((i) => i.receipts.length > 0)
      .map((i) => ({
        incidentId: i.incidentId,
        number: i.incident.number,
        leaderId: i.leaderId,
        text: i.text,
        createdAt: i.createdAt,
        unconfirmed: i.receipts.map((r) => r.personId),
      })),
    dailyByDay: shownDays.map((day) => ({ day, reports: daily.filter((d) => d.day === day) })),
    pauses: pauses.map((p) => ({ chatId: p.chatId, pausedBy: p.pausedBy, until: p.until })),
    perDay: [...perDay].map(([day, count]) => ({ day, count })),
  };
}
