/**
 * The zero-report cut-off for many units (issue 6): `BENCH_CUTOFF_UNITS` (10,000) units owe a report
 * today; 70 % have sent 零报告, 10 % reported an incident today, 20 % have not. Measured: the
 * evaluation (`evaluateCutoff`: read the day's reports and incidents, find the missing, record 漏报 and
 * incident reports in bulk) over `BENCH_CUTOFF_ROUNDS` rounds on a fresh state each, then the whole
 * cut-off job once through the real app (summary to the duty and leaders' groups, one reminder per
 * missing unit accepted by the send queue), and how long the send queue took to deliver them.
 */
import { performance } from "node:perf_hooks";
import { parseDayRule } from "../src/config/day-rule.ts";
import { ZERO_REPORT_CUTOFF_JOB } from "../src/handlers/daily/cutoff-job.ts";
import { evaluateCutoff } from "../src/handlers/daily/evaluate-cutoff.ts";
import { instantOnDay } from "../src/handlers/office/days.ts";
import type { PrismaClient } from "../src/store/generated/client.ts";
import { ROWS_PER_STATEMENT, rowBatches } from "../src/store/row-batches.ts";
import { startBenchApp } from "./bench-app.ts";
import { deletePrefixedKeys, openBenchDatabase, uniqueBenchPrefix } from "./environment.ts";
import { sampleRss } from "./memory.ts";
import type { BenchOptions } from "./options.ts";
import { round, Samples } from "./stats.ts";
import { syntheticOffice } from "./synthetic-office.ts";

export interface CutoffPart {
  settings: {
    units: number;
    rounds: number;
    reportedZero: number;
    reportedByIncident: number;
    missing: number;
  };
  /** evaluateCutoff per round, in ms. */
  evaluate: { p50Ms: number; maxMs: number; roundsMs: number[] };
  /** The cut-off job through the app, its sends accepted by the queue, in ms; then their delivery. */
  job: { ms: number; sends: number; deliveredMs: number };
  setupSeconds: number;
  /** Highest RSS from the first round to the sends delivered. */
  peakRssMiB: number;
  checks: { ok: boolean; missingFound: number; rowsForDay: number; redisKeysLeft: number };
}

const DAY = "2026-12-01";
const TZ = "Asia/Shanghai";

export async function cutoffBench(args: {
  root: string;
  options: BenchOptions;
  redisUrl: string;
  progress: (m: string) => void;
}): Promise<{ part: CutoffPart; database: { kind: "pglite" | "postgres"; where: string } }> {
  const { options, progress } = args;
  const unitsCount = options.BENCH_CUTOFF_UNITS;
  const setupStart = performance.now();
  const office = await syntheticOffice(args.root, unitsCount, 1);
  const units = office.config.org.units.map((u) => u.id).filter((id) => id.startsWith("bench-unit-"));
  const days = parseDayRule(["daily"]);
  if (typeof days === "string") throw new Error(days);
  const config = {
    ...office.config,
    schedules: { entries: [], zeroReport: { units, days, cutoff: { hour: 17, minute: 0 } } },
  };
  const db = await openBenchDatabase(options.DATABASE_URL);
  const prisma = db.database.prisma;
  const prefix = uniqueBenchPrefix();
  const { app, control } = await startBenchApp({
    config,
    prisma,
    sharedDatabase: db.database.kind === "postgres",
    redisUrl: args.redisUrl,
    prefix,
  });
  try {
    const dayStart = instantOnDay(DAY, { hour: 0, minute: 0 }, TZ);
    const cutoff = instantOnDay(DAY, { hour: 17, minute: 0 }, TZ);
    const zero = units.filter((_, i) => i % 10 < 7);
    const byIncident = units.filter((_, i) => i % 10 === 7);
    const expectedMissing = units.length - zero.length - byIncident.length;
    progress(`cutoff: seeding ${zero.length} zero reports and ${byIncident.length} incidents`);
    await seed(prisma, zero, byIncident, dayStart);
    const setupSeconds = round((performance.now() - setupStart) / 1000, 1);

    const rss = sampleRss();
    const samples = new Samples();
    const roundsMs: number[] = [];
    let missingFound = 0;
    for (let r = 0; r < options.BENCH_CUTOFF_ROUNDS; r++) {
      await resetDay(prisma);
      const t0 = performance.now();
      const outcome = await evaluateCutoff(prisma, { units, day: DAY, dayStart, cutoff, now: cutoff });
      const ms = performance.now() - t0;
      samples.add(ms);
      roundsMs.push(round(ms, 1));
      missingFound = outcome.missing.length;
      progress(`cutoff: round ${r + 1}: ${round(ms, 1)} ms, ${outcome.missing.length} missing`);
    }
    const rowsForDay = await prisma.dailyReport.count({ where: { day: DAY } });

    await resetDay(prisma);
    let sends = 0;
    const send = app.messenger.send.bind(app.messenger);
    app.messenger.send = (message) => {
      sends += 1;
      return send(message);
    };
    const t0 = performance.now();
    await app.jobs.run(app.services, `bench-cutoff-${DAY}`, {
      name: ZERO_REPORT_CUTOFF_JOB,
      data: { scheduleId: ZERO_REPORT_CUTOFF_JOB, dueAt: cutoff.toISOString() },
    });
    const jobMs = performance.now() - t0;
    const t1 = performance.now();
    await app.idle();
    const deliveredMs = performance.now() - t1;
    const { peakRssMiB } = rss.stop();
    progress(
      `cutoff: job ${round(jobMs, 1)} ms (${sends} sends queued), delivered in ${round(deliveredMs)} ms`,
    );

    const summary = samples.summary();
    await app.close();
    control.disconnect();
    const keys = await deletePrefixedKeys(args.redisUrl, prefix);
    return {
      database: { kind: options.DATABASE_URL ? "postgres" : "pglite", where: db.where },
      part: {
        settings: {
          units: units.length,
          rounds: options.BENCH_CUTOFF_ROUNDS,
          reportedZero: zero.length,
          reportedByIncident: byIncident.length,
          missing: expectedMissing,
        },
        evaluate: { p50Ms: summary.p50Ms, maxMs: summary.maxMs, roundsMs },
        job: { ms: round(jobMs, 1), sends, deliveredMs: round(deliveredMs) },
        setupSeconds,
        peakRssMiB,
        checks: {
          ok: missingFound === expectedMissing && rowsForDay === units.length && keys.left === 0,
          missingFound,
          rowsForDay,
          redisKeysLeft: keys.left,
        },
      },
    };
  } finally {
    await db.close();
  }
}

/** Zero reports of the day and one incident per incident unit, in bulk. */
async function seed(
  prisma: PrismaClient,
  zero: string[],
  byIncident: string[],
  dayStart: Date,
): Promise<void> {
  const at = new Date(dayStart.getTime() + 9 * 3_600_000);
  // In batches, as the bot writes: one createMany of 7,000 rows would leave Prisma's query compiler
  // 51 MiB larger for the rest of the run (src/store/row-batches.ts).
  for (const batch of rowBatches(zero))
    await prisma.dailyReport.createMany({
      data: batch.map((unitId) => ({
        unitId,
        day: DAY,
        status: "on_time",
        kind: "zero",
        reporterId: `bench-p-${unitId.slice("bench-unit-".length)}-0`,
        reportedAt: at,
        recordedAt: at,
      })),
    });
  for (const [b, batch] of rowBatches(byIncident).entries())
    await prisma.incident.createMany({
      data: batch.map((unitId, i) => ({
        number: `2026-B${b * ROWS_PER_STATEMENT + i}`,
        sourceKey: `bench-${unitId}`,
        unitId,
        reporterId: `bench-p-${unitId.slice("bench-unit-".length)}-0`,
        chatId: `bench-chat-${unitId.slice("bench-unit-".length)}`,
        type: "其他",
        gradeId: "IV",
        reportedAt: at,
        lastReportAt: at,
      })),
    });
}

/** Back to the state before the cut-off: only the zero reports remain. */
async function resetDay(prisma: PrismaClient): Promise<void> {
  await prisma.dailyReport.deleteMany({
    where: { day: DAY, OR: [{ status: "missed" }, { kind: "incident" }] },
  });
}
