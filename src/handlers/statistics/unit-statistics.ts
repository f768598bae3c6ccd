/**
 * Per-unit reporting statistics for a period, from the facts on file. Pure, so the numbers can be
 * checked against a hand-computed fixture:
 * - 首报: incidents first reported in the period; on time when `lateByMs` is 0; 按时率 = on time /
 *   reported; 迟报平均 = mean lateness of the late ones;
 * - 漏报续报: follow-ups flagged missing in the period;
 * - 零报告: the unit's daily reports for days in the period (a row per owed day: on_time, late or
 *   missed); 按时率 = on time / owed;
 * - 迟报 and 漏报 totals add the incident and the daily figures.
 */

/** An incident first reported in the period. */
export interface IncidentFact {
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

export interface StatisticsFacts {
  incidents: IncidentFact[];
  missedFollowUps: MissedFollowUpFact[];
  daily: DailyFact[];
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

function summarize(
  unitId: string,
  incidents: readonly Pick<IncidentFact, "lateByMs">[],
  missedFollowUps: number,
  daily: readonly Pick<DailyFact, "status">[],
): UnitStatistics {
  const lateOnes = incidents.filter((i) => i.lateByMs > 0);
  const onTime = incidents.length - lateOnes.length;
  const delay = lateOnes.reduce((sum, i) => sum + i.lateByMs, 0);
  const count = (status: string) => daily.filter((d) => d.status === status).length;
  const dailyTally = {
    owed: daily.length,
    onTime: count("on_time"),
    late: count("late"),
    missed: count("missed"),
  };
  return {
    unitId,
    incidents: incidents.length,
    onTime,
    late: lateOnes.length,
    onTimeRate: ratio(onTime, incidents.length),
    averageDelayMs: lateOnes.length > 0 ? delay / lateOnes.length : null,
    missedFollowUps,
    daily: { ...dailyTally, onTimeRate: ratio(dailyTally.onTime, dailyTally.owed) },
    lateTotal: lateOnes.length + dailyTally.late,
    missedTotal: missedFollowUps + dailyTally.missed,
  };
}

/**
 * One row per unit: the `units` given (in their order: the units that report), then any other
 * unit that has facts in the period.
 */
export function unitStatistics(units: readonly string[], facts: StatisticsFacts): UnitStatistics[] {
  const ids = [...units];
  for (const fact of [...facts.incidents, ...facts.missedFollowUps, ...facts.daily])
    if (!ids.includes(fact.unitId)) ids.push(fact.unitId);
  const grouped = groupFacts(facts);
  return ids.map((id) => {
    const own = grouped.get(id) ?? { incidents: [], missedFollowUps: [], daily: [] };
    return summarize(id, own.incidents, own.missedFollowUps.length, own.daily);
  });
}

/** The facts split by unit once, so a year of data is not filtered once per unit. */
function groupFacts(facts: StatisticsFacts): Map<string, StatisticsFacts> {
  const byUnit = new Map<string, StatisticsFacts>();
  const of = (unitId: string) => {
    let own = byUnit.get(unitId);
    if (!own) {
      own = { incidents: [], missedFollowUps: [], daily: [] };
      byUnit.set(unitId, own);
    }
    return own;
  };
  for (const fact of facts.incidents) of(fact.unitId).incidents.push(fact);
  for (const fact of facts.missedFollowUps) of(fact.unitId).missedFollowUps.push(fact);
  for (const fact of facts.daily) of(fact.unitId).daily.push(fact);
  return byUnit;
}

/** Every unit together (rates over all reports, not an average of the units' rates). */
export function totalStatistics(facts: StatisticsFacts): UnitStatistics {
  return summarize("all", facts.incidents, facts.missedFollowUps.length, facts.daily);
}
