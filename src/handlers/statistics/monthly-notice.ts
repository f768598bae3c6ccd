/**
 * The monthly notice (通报) of late and missed reports by unit: which units reported late (首报 and
 * 零报告, with the incident numbers and days), which missed (续报 and 零报告), and which reported
 * everything on time — of the units that had something to report that month (an incident, a zero
 * report owed). Every section says 无 when empty; a month with no records at all says so. Pure.
 */
import type { Card, Chart } from "../../bot/core/message.ts";
import { formatDurationZh, shortDay } from "../office/time-format.ts";
import { statisticsMessages as M } from "./messages.ts";
import type { LateAndMissedFacts, UnitStatistics } from "./unit-statistics.ts";

export interface MonthlyNoticeInput {
  periodLabel: string;
  units: readonly UnitStatistics[];
  facts: LateAndMissedFacts;
  unitName(unitId: string): string;
}

/** How many items a list names before `等 N 项`. */
const MAX_LISTED = 6;

function list(items: readonly string[]): string {
  if (items.length <= MAX_LISTED) return items.join("、");
  return M.moreItems(items.slice(0, MAX_LISTED).join("、"), items.length);
}

export function lateParts(unitId: string, facts: LateAndMissedFacts): string[] {
  const incidents = facts.lateIncidents.filter((i) => i.unitId === unitId);
  const days = facts.dailyExceptions
    .filter((d) => d.unitId === unitId && d.status === "late")
    .map((d) => shortDay(d.day));
  return [
    ...(incidents.length > 0
      ? [
          M.noticeLateIncidents(
            incidents.length,
            list(incidents.map((i) => M.noticeLateBy(i.number, formatDurationZh(i.lateByMs)))),
          ),
        ]
      : []),
    ...(days.length > 0 ? [M.noticeLateDaily(days.length, list(days))] : []),
  ];
}

export function missedParts(unitId: string, facts: LateAndMissedFacts): string[] {
  const followUps = facts.missedFollowUps.filter((m) => m.unitId === unitId).map((m) => m.number);
  const days = facts.dailyExceptions
    .filter((d) => d.unitId === unitId && d.status === "missed")
    .map((d) => shortDay(d.day));
  return [
    ...(followUps.length > 0 ? [M.noticeMissedFollowUps(followUps.length, list(followUps))] : []),
    ...(days.length > 0 ? [M.noticeMissedDaily(days.length, list(days))] : []),
  ];
}

function section(lines: string[]): string {
  return lines.length > 0 ? lines.join("\n") : M.noticeNone;
}

export function lateAndMissedChart(
  units: readonly UnitStatistics[],
  unitName: (id: string) => string,
): Chart {
  return {
    kind: "bar",
    title: M.noticeChartTitle,
    categories: units.map((u) => unitName(u.unitId)),
    series: [
      { name: M.seriesLate, values: units.map((u) => u.lateTotal) },
      { name: M.seriesMissed, values: units.map((u) => u.missedTotal) },
    ],
  };
}

export function monthlyNoticeCard(input: MonthlyNoticeInput): Card {
  const { units, facts, unitName } = input;
  const late = units.filter((u) => u.lateTotal > 0);
  const missed = units.filter((u) => u.missedTotal > 0);
  const flagged = units.filter((u) => u.lateTotal > 0 || u.missedTotal > 0);
  // Praised: a unit that had something to report (an incident, a zero report owed) and did it all on time.
  const due = units.filter((u) => u.incidents > 0 || u.daily.owed > 0 || u.missedFollowUps > 0);
  const clean = due.filter((u) => u.lateTotal === 0 && u.missedTotal === 0);
  const sum = (pick: (u: UnitStatistics) => number) => units.reduce((n, u) => n + pick(u), 0);
  return {
    title: M.noticeTitle(input.periodLabel),
    tone: flagged.length > 0 ? "orange" : "blue",
    fields: [
      {
        label: M.overallLabel,
        value:
          due.length > 0
            ? M.noticeSummaryLine(
                sum((u) => u.lateTotal),
                sum((u) => u.missedTotal),
              )
            : M.noticeNoRecords,
      },
      {
        label: M.noticeLate,
        value: section(late.map((u) => `${unitName(u.unitId)}：${lateParts(u.unitId, facts).join("；")}`)),
      },
      {
        label: M.noticeMissed,
        value: section(
          missed.map((u) => `${unitName(u.unitId)}：${missedParts(u.unitId, facts).join("；")}`),
        ),
      },
      {
        label: M.noticeOnTime,
        value: clean.length > 0 ? clean.map((u) => unitName(u.unitId)).join("、") : M.noticeNone,
      },
    ],
    buttons: [],
    ...(due.length > 0 ? { note: M.noticeNote } : {}),
    ...(flagged.length > 0 ? { chart: lateAndMissedChart(flagged, unitName) } : {}),
  };
}
