/**
 * The desk's `incidents-per-day` chart: first reports per local day over the last 30 days (today
 * included, in the office's zone), one series per grade in the policy's order. Counted by the day of
 * the 首报, as 统计 counts incidents.
 */
import type { DeskChart, DeskContext } from "../../../bot/core/desk.ts";
import type { Chart } from "../../../bot/core/message.ts";
import { addCivilDays, localDayString } from "../../../bot/core/wall-clock.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { daysBetween, localDay, startOfDay } from "../../office/days.ts";
import { seesWholeDesk } from "../../office/oversight.ts";
import { shortDay } from "../../office/time-format.ts";
import { statisticsMessages as M } from "../messages.ts";

export const PER_DAY_DAYS = 30;

export interface DayGrade {
  day: string;
  gradeId: string;
}

/** Pure: the chart of `rows` over `days`, a series per grade (0 where none). */
export function incidentsPerDayChart(
  title: string,
  days: readonly string[],
  rows: readonly DayGrade[],
  grades: readonly { id: string; name: string }[],
): Chart {
  return {
    kind: "bar",
    title,
    categories: days.map(shortDay),
    series: grades.map((grade) => ({
      name: grade.name,
      values: days.map((day) => rows.filter((r) => r.day === day && r.gradeId === grade.id).length),
    })),
  };
}

export async function incidentsPerDay(
  ctx: DeskContext,
  rules: Pick<IncidentPolicy, "grades">,
  timezone: string,
): Promise<Chart> {
  const { database, directory } = ctx.services;
  const today = localDay(ctx.now, timezone);
  const first = addCivilDays(today, -(PER_DAY_DAYS - 1));
  const unitId = seesWholeDesk(ctx.viewer) ? undefined : ctx.viewer.unit;
  const incidents = await database.incident.findMany({
    where: {
      reportedAt: { gte: startOfDay(first, timezone), lt: startOfDay(addCivilDays(today, 1), timezone) },
      ...(unitId === undefined ? {} : { unitId }),
    },
    select: { reportedAt: true, gradeId: true },
  });
  const rows = incidents.map((i) => ({ day: localDayString(i.reportedAt, timezone), gradeId: i.gradeId }));
  const title =
    unitId === undefined
      ? M.perDayTitle(PER_DAY_DAYS)
      : M.perDayOfUnitTitle(directory.unitName(unitId), PER_DAY_DAYS);
  return incidentsPerDayChart(title, daysBetween(first, today), rows, rules.grades);
}

export function incidentsPerDayDeskChart(rules: IncidentPolicy, timezone: string): DeskChart {
  return { id: "incidents-per-day", order: 10, load: (ctx) => incidentsPerDay(ctx, rules, timezone) };
}
