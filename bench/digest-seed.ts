/**
 * A year of reporting data for the digest bench, put straight into the database with a few
 * INSERT … SELECT statements (Prisma createMany would take tens of seconds for this much):
 * `incidents` incidents spread evenly over the last `days` local days across the reporting units (every
 * ninth first report late, every 25th with a missed follow-up, the newest `open` still open), four
 * timeline rows each, a daily report (零报告) per unit and day (2 % missed, 6 % late), instructions
 * waiting for receipts on the open incidents, and a few reminder pauses.
 */
import { performance } from "node:perf_hooks";
import type { Directory } from "../src/bot/core/directory.ts";
import { addCivilDays, dayString } from "../src/bot/core/wall-clock.ts";
import { localDay, startOfDay } from "../src/handlers/office/days.ts";
import type { PrismaClient } from "../src/store/generated/client.ts";

export interface YearOfData {
  incidents: number;
  open: number;
  units: string[];
  /** Reporter person ids, one per unit, in the same order. */
  reporters: string[];
  /** Group chat ids of the units, in the same order. */
  chats: string[];
  days: number;
  now: Date;
  timeZone: string;
}

const DAY_MS = 86_400_000;
const GRADES = ["I", "II", "III", "IV"];

/** `2026-11-26 08:00:00.000` as Prisma stores UTC instants (timestamp without time zone). */
const sqlUtc = (at: Date) => at.toISOString().replace("T", " ").replace("Z", "");

export async function seedYearOfData(
  prisma: PrismaClient,
  directory: Directory,
  d: YearOfData,
): Promise<{ seconds: number; dailyReports: number; timelineRows: number; instructions: number }> {
  const t0 = performance.now();
  // From local midnight `days - 1` days ago until a minute before now: the last `days` local days.
  const first = addCivilDays(localDay(d.now, d.timeZone), -(d.days - 1));
  const startAt = startOfDay(first, d.timeZone);
  const start = sqlUtc(startAt);
  const spanMs = d.now.getTime() - startAt.getTime() - 60_000;
  const year = localDay(d.now, d.timeZone).year;
  await prisma.$executeRaw`
    INSERT INTO incident (number, source_key, unit_id, reporter_id, chat_id, type, grade_id, occurred_at,
      reported_at, location, summary, deaths, injured, missing, measures, contact_name, contact_phone,
      status, late_by_ms, completed_at, alerted_at, acknowledged_at, acknowledged_by, last_report_at, closed_at)
    SELECT ${String(year)} || '-Y' || g::text, 'year-' || g::text,
      (${d.units}::text[])[g % ${d.units.length}::int + 1], (${d.reporters}::text[])[g % ${d.units.length}::int + 1],
      (${d.chats}::text[])[g % ${d.units.length}::int + 1], '事故灾难', (${GRADES}::text[])[g % 4 + 1],
      r.at - interval '20 minutes', r.at, '压测村' || g::text, '两车相撞', 0, g % 3, 0, '已处置', '钱镇长', '13800000042',
      CASE WHEN g > ${d.incidents - d.open}::int THEN 'open' ELSE 'closed' END,
      CASE WHEN g % 9 = 0 THEN (g % 120 + 1) * 60000 ELSE 0 END,
      r.at, r.at, r.at + interval '5 minutes', 'bench-leader-1', r.at,
      CASE WHEN g > ${d.incidents - d.open}::int THEN NULL ELSE r.at + interval '6 hours' END
    FROM generate_series(1, ${d.incidents}::int) AS g,
      LATERAL (SELECT ${start}::timestamp + make_interval(secs => (g::float8 * ${spanMs / 1000}::float8) / ${d.incidents}::float8) AS at) AS r`;
  const timelineRows = await prisma.$executeRaw`
    INSERT INTO timeline_entry (incident_id, at, kind, actor_id, detail)
    SELECT id, reported_at + k.after, k.kind, CASE WHEN k.kind = 'reported' THEN reporter_id END, '{}'::jsonb
    FROM incident, (VALUES ('reported', interval '0'), ('alerted', interval '0'), ('acknowledged', interval '5 minutes'),
      ('closed', interval '6 hours')) AS k(kind, after)
    WHERE source_key LIKE 'year-%' AND (k.kind <> 'closed' OR status = 'closed')`;
  const missed = await prisma.$executeRaw`
    INSERT INTO timeline_entry (incident_id, at, kind, detail)
    SELECT id, reported_at + interval '4 hours', 'flagged_missed', '{}'::jsonb
    FROM incident WHERE source_key LIKE 'year-%' AND id % 25 = 0`;
  const firstDay = dayString(first);
  const dailyReports = await prisma.$executeRaw`
    INSERT INTO daily_report (unit_id, day, status, kind, reporter_id, reported_at, recorded_at)
    SELECT u.unit_id, to_char(${firstDay}::date + n, 'YYYY-MM-DD'),
      CASE WHEN (n * 7 + u.i) % 50 = 0 THEN 'missed' WHEN (n * 7 + u.i) % 50 <= 3 THEN 'late' ELSE 'on_time' END,
      CASE WHEN (n * 7 + u.i) % 50 = 0 THEN NULL ELSE 'zero' END,
      CASE WHEN (n * 7 + u.i) % 50 = 0 THEN NULL ELSE u.reporter END,
      CASE WHEN (n * 7 + u.i) % 50 = 0 THEN NULL ELSE (${firstDay}::date + n)::timestamp + interval '8 hours' END,
      (${firstDay}::date + n)::timestamp + interval '9 hours'
    FROM generate_series(0, ${d.days - 1}::int) AS n,
      unnest(${d.units}::text[], ${d.reporters}::text[]) WITH ORDINALITY AS u(unit_id, reporter, i)`;
  const open = await prisma.incident.findMany({
    where: { status: "open", sourceKey: { startsWith: "year-" } },
    select: { id: true, unitId: true },
    orderBy: { id: "asc" },
  });
  let instructions = 0;
  for (const incident of open.filter((_, i) => i % 2 === 0)) {
    const waiting = directory.withRole("reporter", incident.unitId).map((p) => p.id);
    await prisma.instruction.create({
      data: {
        incidentId: incident.id,
        sourceKey: `year-instruction-${incident.id}`,
        leaderId: "bench-leader-1",
        text: "全力做好处置工作，及时续报",
        createdAt: new Date(d.now.getTime() - 3_600_000),
        receipts: { create: waiting.map((personId) => ({ personId })) },
      },
    });
    instructions += 1;
  }
  await prisma.reminderPause.createMany({
    data: d.chats.slice(0, 3).map((chatId, i) => ({
      chatId,
      pausedBy: d.reporters[i] ?? "bench-leader-1",
      from: new Date(d.now.getTime() - DAY_MS),
      until: new Date(d.now.getTime() + (i + 1) * DAY_MS),
    })),
  });
  return {
    seconds: (performance.now() - t0) / 1000,
    dailyReports,
    timelineRows: timelineRows + missed,
    instructions,
  };
}
