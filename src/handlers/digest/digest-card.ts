/**
 * The digest card (信息汇总) for leaders and the duty office. Every section is a field that says 无
 * when there is nothing in it, so a reader sees that it was checked rather than forgotten:
 * new incidents by grade, open incidents and what each waits for, late and missed reports by unit,
 * unconfirmed instructions, zero-report (零报告) compliance, paused reminders. A chart shows the
 * incidents of the last 7 days. Pure: every fact is an input.
 */
import type { Directory } from "../../bot/core/directory.ts";
import type { Card, CardField, Chart } from "../../bot/core/message.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { gradeOf } from "../incident/incident-schedule.ts";
import type { Incident } from "../incident/incident-store.ts";
import { cappedLines } from "../office/list-text.ts";
import { formatLocalTime, shortDay, shortLocalTime } from "../office/time-format.ts";
import { lateParts, missedParts } from "../statistics/monthly-notice.ts";
import type { DailyFact, LateAndMissedFacts } from "../statistics/unit-statistics.ts";
import type { DigestWindow } from "./digest-window.ts";
import { digestMessages as M } from "./messages.ts";
import { waitingFor } from "./waiting-for.ts";

/** An instruction (批示) still waiting for receipts. */
export interface PendingInstruction {
  incidentId: number;
  number: string;
  leaderId: string;
  text: string;
  createdAt: Date;
  /** Person ids who have not confirmed. */
  unconfirmed: string[];
}

export interface ActivePause {
  chatId: string;
  pausedBy: string;
  until: Date;
}

export interface DigestFacts {
  window: DigestWindow;
  /** Incidents first reported in the window, oldest first. */
  newIncidents: Incident[];
  openIncidents: Incident[];
  /** Late first reports, missed follow-ups and late or missed daily reports that came up in the window. */
  lateAndMissed: LateAndMissedFacts;
  instructions: PendingInstruction[];
  /** The daily reports of the days shown (yesterday and today), by day. */
  dailyByDay: { day: string; reports: DailyFact[] }[];
  pauses: ActivePause[];
  /** Incidents per local day, the last 7 days, oldest first. */
  perDay: { day: string; count: number }[];
}

export interface DigestView {
  policy: IncidentPolicy;
  directory: Directory;
  now: Date;
}

const capped = (lines: readonly string[]) => cappedLines(lines, M);

function severityOrder(policy: IncidentPolicy) {
  const rank = (i: Incident) => policy.grades.indexOf(gradeOf(policy, i.gradeId));
  return (a: Incident, b: Incident) => rank(a) - rank(b) || a.reportedAt.getTime() - b.reportedAt.getTime();
}

function incidentHead(incident: Incident, view: DigestView): string {
  const grade = gradeOf(view.policy, incident.gradeId).name;
  return `${incident.number} ${grade} ${view.directory.unitName(incident.unitId)} ${incident.type}`;
}

function newIncidentsField(facts: DigestFacts, view: DigestView): CardField {
  const label = M.newIncidents(shortLocalTime(facts.window.from, view.now, view.policy.timezone));
  if (facts.newIncidents.length === 0) return { label, value: M.none };
  const byGrade = view.policy.grades
    .map((g) => ({ g, n: facts.newIncidents.filter((i) => gradeOf(view.policy, i.gradeId) === g).length }))
    .filter(({ n }) => n > 0)
    .map(({ g, n }) => M.gradeCount(g.name, n))
    .join("、");
  const lines = [...facts.newIncidents]
    .sort(severityOrder(view.policy))
    .map((i) => `${incidentHead(i, view)}${i.lateByMs > 0 ? ` · ${M.late}` : ""}`);
  return { label, value: `${M.newCount(facts.newIncidents.length, byGrade)}\n${capped(lines)}` };
}

function openIncidentsField(facts: DigestFacts, view: DigestView): CardField {
  const unconfirmed = new Map<number, Set<string>>();
  for (const instruction of facts.instructions) {
    const names = unconfirmed.get(instruction.incidentId) ?? new Set<string>();
    for (const id of instruction.unconfirmed) names.add(view.directory.personName(id));
    unconfirmed.set(instruction.incidentId, names);
  }
  const lines = [...facts.openIncidents].sort(severityOrder(view.policy)).map((incident) => {
    const waits = waitingFor(incident, view.policy, [...(unconfirmed.get(incident.id) ?? [])], view.now);
    return `${incidentHead(incident, view)}：${waits.length > 0 ? waits.join("；") : M.nothingPending}`;
  });
  return { label: M.openIncidents(facts.openIncidents.length), value: capped(lines) };
}

function lateAndMissedField(facts: DigestFacts, view: DigestView): CardField {
  const f = facts.lateAndMissed;
  const units: string[] = [];
  for (const fact of [...f.lateIncidents, ...f.missedFollowUps, ...f.dailyExceptions])
    if (!units.includes(fact.unitId)) units.push(fact.unitId);
  const order = view.directory.org.units.map((u) => u.id);
  units.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const lines = units.map(
    (unitId) =>
      `${view.directory.unitName(unitId)}：${[...lateParts(unitId, f), ...missedParts(unitId, f)].join("；")}`,
  );
  return { label: M.lateAndMissed, value: capped(lines) };
}

function instructionsField(facts: DigestFacts, view: DigestView): CardField {
  const name = (id: string) => view.directory.personName(id);
  const lines = facts.instructions.map((i) =>
    M.instructionLine(
      i.number,
      name(i.leaderId),
      shortLocalTime(i.createdAt, view.now, view.policy.timezone),
      i.text.length > 20 ? `${i.text.slice(0, 20)}…` : i.text,
      i.unconfirmed.map(name).join("、"),
    ),
  );
  return { label: M.instructions(facts.instructions.length), value: capped(lines) };
}

function dailyField(facts: DigestFacts, view: DigestView): CardField {
  const names = (reports: DailyFact[], status: string) => {
    const units = reports.filter((r) => r.status === status).map((r) => view.directory.unitName(r.unitId));
    return units.length > 0 ? `${units.length}（${units.join("、")}）` : "0";
  };
  const lines = facts.dailyByDay
    .filter((d) => d.reports.length > 0)
    .map((d) =>
      M.dailyDay(
        shortDay(d.day),
        d.reports.filter((r) => r.status === "on_time").length,
        names(d.reports, "late"),
        names(d.reports, "missed"),
      ),
    );
  return { label: M.dailyReports, value: capped(lines) };
}

function pausesField(facts: DigestFacts, view: DigestView): CardField {
  const lines = facts.pauses.map((p) =>
    M.pauseLine(
      view.directory.chatName(p.chatId),
      view.directory.personName(p.pausedBy),
      shortLocalTime(p.until, view.now, view.policy.timezone),
    ),
  );
  return { label: M.pauses, value: capped(lines) };
}

export function incidentsPerDayChart(perDay: DigestFacts["perDay"]): Chart {
  return {
    kind: "line",
    title: M.chartTitle,
    categories: perDay.map((d) => shortDay(d.day)),
    series: [{ name: M.chartSeries, values: perDay.map((d) => d.count) }],
  };
}

export function digestCard(facts: DigestFacts, view: DigestView): Card {
  return {
    title: M.title(formatLocalTime(view.now, view.policy.timezone)),
    tone: "blue",
    fields: [
      newIncidentsField(facts, view),
      openIncidentsField(facts, view),
      lateAndMissedField(facts, view),
      instructionsField(facts, view),
      dailyField(facts, view),
      pausesField(facts, view),
    ],
    buttons: [],
    chart: incidentsPerDayChart(facts.perDay),
  };
}
