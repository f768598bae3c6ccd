/**
 * Per-unit reporting statistics for a period, from the facts on file. Pure, so the numbers can be
 * checked against a hand-computed fixture:
 * - 首报: incidents first reported in the period; on time when not late; 按时率 = on time /
 *   reported; 迟报平均 = mean lateness of the late ones;
 * - 漏报续报: follow-ups flagged missing in the period;
 * - 零报告: the unit's daily reports for days in the period (a row per owed day: on_time, late or
 *   missed); 按时率 = on time / owed;
 * - 迟报 and 漏报 totals add the incident and the daily figures.
 * The facts are counts per unit, plus one row per late or missed item (what a 通报 names): a year
 * of on-time reports never has to be read row by row.
 */

/** A first report that came late. */
export interface LateIncidentFact {
  unitId: string;
  number: string;
  lateByMs: number;
}

/** A follow-up (续报) flagged missing in the period. */
export interface MissedFollowUpFact {
  unitId: string;
  number: string;
}

/** A unit's daily report (零报告) for a day of the period. */
export interface DailyFact {
  unitId: string;
  day: string;
  status: string;
}

/** The late and missed items of a period, one row each. */
export interface LateAndMissedFacts {
  lateIncidents: LateIncidentFact[];
  missedFollowUps: MissedFollowUpFact[];
  /** Daily reports that were late or missed. */
  dailyExceptions: DailyFact[];
}

export interface StatisticsFacts extends LateAndMissedFacts {
  /** First reports per unit in the period, on time or late. */
  reported: { unitId: string; count: number }[];
  /** Daily reports per unit and status. */
  dailyCounts: { unitId: string; status: string; count: number }[];
}

export interface DailyTally {
  owed: number;
  onTime: number;
  late: number;
  missed: number;
  /** on time / owed; null when nothing was owed. */
  onTimeRate: number | null;
}

export interface UnitStatistics {
  unitId: string;
  incidents: number;
  onTime: number;
  late: number;
  /** on time / incidents; null without incidents. */
  onTimeRate: number | null;
  /** Mean lateness of the late first reports; null when none was late. */
  averageDelayMs: number | null;
  missedFollowUps: number;
  daily: DailyTally;
  lateTotal: number;
  missedTotal: number;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function summarize(unitId: string, facts: StatisticsFacts, inUnit: (id: string) => boolean): UnitStatistics {
  const sum = <T>(rows: readonly T[], of: (row: T) => number) => rows.reduce((n, row) => n + of(row), 0);
  const reported = sum(
    facts.reported.filter((r) => inUnit(r.unitId)),
    (r) => r.count,
  );
  const lateOnes = facts.lateIncidents.filter((i) => inUnit(i.unitId));
  const daily = facts.dailyCounts.filter((d) => inUnit(d.unitId));
  const count = (status: string) =>
    sum(
      daily.filter((d) => d.status === status),
      (d) => d.count,
    );
  const tally = {
    owed: sum(daily, (d) => d.count),
    onTime: count("on_time"),
    late: count("late"),
    missed: count("missed"),
  };
  const missedFollowUps = facts.missedFollowUps.filter((m) => inUnit(m.unitId)).length;
  const onTime = reported - lateOnes.length;
  return {
    unitId,
    incidents: reported,
    onTime,
    late: lateOnes.length,
    onTimeRate: ratio(onTime, reported),
    averageDelayMs: lateOnes.length > 0 ? sum(lateOnes, (i) => i.lateByMs) / lateOnes.length : null,
    missedFollowUps,
    daily: { ...tally, onTimeRate: ratio(tally.onTime, tally.owed) },
    lateTotal: lateOnes.length + tally.late,
    missedTotal: missedFollowUps + tally.missed,
  };
}

/**
 * One row per unit: the `units` given (in their order: the units that report), then any other
 * unit that has facts in the period.
 */
export function unitStatistics(units: readonly string[], facts: StatisticsFacts): UnitStatistics[] {
  const ids = [...units];
  const rows = [
    ...facts.reported,
    ...facts.lateIncidents,
    ...facts.missedFollowUps,
    ...facts.dailyCounts,
    ...facts.dailyExceptions,
  ];
  for (const row of rows) if (!ids.includes(row.unitId)) ids.push(row.unitId);
  return ids.map((id) => summarize(id, facts, (unitId) => unitId === id));
}

/** Every unit together (rates over all reports, not an average of the units' rates). */
export function totalStatistics(facts: StatisticsFacts): UnitStatistics {
  return summarize("all", facts, () => true);
}
