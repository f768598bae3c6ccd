/**
 * A county's board for the desk bench, put on file in `INSERT … SELECT` statements: 30 days of
 * incidents (digest-seed.ts seedYearOfData: the newest `openIncidents` still open, 批示 waiting for
 * receipts on half of them) whose open ones get numbers people can type (`2026-9001` …) and no 已阅
 * yet, so a leader's `已阅 <number>` changes a row; open 督办 tasks with two units each
 * (supervision-seed.ts seedTaskBatch); open 舆情 items with their clocks running.
 */
import type { Directory } from "../src/bot/core/directory.ts";
import { localDay } from "../src/handlers/office/days.ts";
import type { PrismaClient } from "../src/store/generated/client.ts";
import { seedYearOfData } from "./digest-seed.ts";
import { seedTaskBatch } from "./supervision-seed.ts";

export interface DeskBoardSeed {
  incidents: number;
  openIncidents: number;
  days: number;
  openTasks: number;
  opinionItems: number;
  units: string[];
  reporters: string[];
  chats: string[];
  now: Date;
  timeZone: string;
}

export interface SeededBoard {
  /** The open incidents, oldest first, by the number a leader types. */
  open: { id: number; number: string }[];
  timelineRows: number;
  instructions: number;
  taskParts: number;
}

const HOUR = 3_600_000;
const sqlUtc = (at: Date) => `'${at.toISOString().replace("T", " ").replace("Z", "")}'::timestamp`;

export async function seedDeskBoard(
  prisma: PrismaClient,
  directory: Directory,
  s: DeskBoardSeed,
): Promise<SeededBoard> {
  const history = await seedYearOfData(prisma, directory, {
    incidents: s.incidents,
    open: s.openIncidents,
    units: s.units,
    reporters: s.reporters,
    chats: s.chats,
    days: s.days,
    now: s.now,
    timeZone: s.timeZone,
  });
  const year = localDay(s.now, s.timeZone).year;
  // The open ones as a leader cites them, not yet acknowledged (the seed acknowledges every incident).
  await prisma.$executeRawUnsafe(`
    UPDATE incident SET number = '${year}-' || (9000 + r.n)::text, acknowledged_at = NULL, acknowledged_by = NULL
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM incident
          WHERE status = 'open' AND source_key LIKE 'year-%') AS r
    WHERE incident.id = r.id`);
  await prisma.$executeRawUnsafe(`
    DELETE FROM timeline_entry WHERE kind = 'acknowledged'
      AND incident_id IN (SELECT id FROM incident WHERE status = 'open')`);
  const taskParts = await seedTaskBatch(prisma, s.now, {
    name: "K",
    count: s.openTasks,
    units: s.units.length,
    assignedBeforeMs: 3 * 24 * HOUR,
    firstDueMs: -24 * HOUR,
    lastDueMs: 72 * HOUR,
    closed: false,
  });
  await seedOpinionItems(prisma, s.now, s.opinionItems, s.units, s.reporters);
  const open = await prisma.incident.findMany({
    where: { status: "open" },
    select: { id: true, number: true },
    orderBy: { id: "asc" },
  });
  return { open, timelineRows: history.timelineRows, instructions: history.instructions, taskParts };
}

/**
 * Open 舆情 items found over the last 12 hours, levels in turn (重大, 较大, 一般 as config/policy.yaml
 * names them), clocks from the found time, alerted, a third signed by the unit's reporter.
 */
async function seedOpinionItems(
  prisma: PrismaClient,
  now: Date,
  count: number,
  units: string[],
  reporters: string[],
) {
  const list = (values: string[]) => `ARRAY['${values.join("','")}']`;
  const first = sqlUtc(new Date(now.getTime() - 12 * HOUR));
  const step = (11 * HOUR) / Math.max(1, count - 1);
  await prisma.$executeRawUnsafe(`
    INSERT INTO opinion_item (number, source_key, source, content, unit_id, found_at, level_id, registered_by,
      chat_id, registered_at, verify_due_at, respond_due_at, status, alerted_at, signed_at, signed_by)
    SELECT 'Y2026-B' || lpad(g::text, 4, '0'), 'bench-opinion-' || g, '微博',
      '网传压测路段积水严重、车辆抛锚，群众反映排水不畅 ' || g, (${list(units)})[g % ${units.length} + 1],
      f.at, l.id, 'bench-duty-1', 'bench-duty', f.at + interval '5 minutes',
      f.at + l.verify, f.at + l.respond, 'open', f.at + interval '6 minutes',
      CASE WHEN g % 3 = 0 THEN f.at + interval '20 minutes' END,
      CASE WHEN g % 3 = 0 THEN (${list(reporters)})[g % ${units.length} + 1] END
    FROM generate_series(1, ${count}) AS g,
      LATERAL (SELECT ${first} + (g - 1) * ${step} * interval '1 millisecond' AS at) AS f,
      LATERAL (SELECT (ARRAY['major', 'large', 'general'])[g % 3 + 1] AS id,
        (ARRAY[interval '1 hour', interval '2 hours', interval '4 hours'])[g % 3 + 1] AS verify,
        (ARRAY[interval '5 hours', interval '24 hours', interval '48 hours'])[g % 3 + 1] AS respond) AS l`);
}
