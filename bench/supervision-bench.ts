/**
 * 督查督办 at county scale (issue 14), on its own fresh database and app:
 * - history: `BENCH_SUPERVISION_CLOSED` (20,000) closed tasks, so the open ones are a minority of the
 *   table, as after years of use;
 * - the ledger (target ≤ 200 ms): `BENCH_SUPERVISION_LEDGER_TASKS` (2,000) open tasks, two units each,
 *   deadlines from a day ago to three days ahead (about a quarter overdue); `督办` for a leader —
 *   `ledgerText`: the query of every open task with its parts, the order (overdue first), the lights
 *   and the lines — measured `BENCH_SUPERVISION_REPEATS` (5) times after a warm-up; `督办 逾期` too;
 * - the overdue sweep (target ≤ 2 s): open tasks topped up to `BENCH_SUPERVISION_TASKS` (10,000),
 *   then `overdueParts` (every open part past its deadline, with its task) at a time after every
 *   deadline: all 10,000 tasks' 20,000 parts found, the slowest of the repeats is the measure.
 */
import { performance } from "node:perf_hooks";
import type { Person } from "../src/config/org.ts";
import { officeOf } from "../src/handlers/office/office.ts";
import { ledgerText } from "../src/handlers/supervision/queries/ledger-command.ts";
import { overdueParts } from "../src/handlers/supervision/queries/overdue-parts.ts";
import { type PartResult, withBenchApp } from "./bench-app.ts";
import type { BenchOptions } from "./options.ts";
import { type PhaseResources, withResources } from "./resources.ts";
import { type LatencySummary, round, Samples } from "./stats.ts";
import { seedTaskBatch } from "./supervision-seed.ts";
import type { SyntheticOffice } from "./synthetic-office.ts";

export interface SupervisionPart {
  settings: { openTasks: number; ledgerTasks: number; closedTasks: number; units: number; repeats: number };
  seed: { seconds: number; parts: number };
  /** `督办` for a leader over the ledger's open tasks: query, order, lights and lines. */
  ledger: LatencySummary & { lines: number; overdueTasks: number };
  /** `督办 逾期` for a leader. */
  ledgerOverdue: LatencySummary;
  /** overdueParts over every open task, every part past due. */
  sweep: LatencySummary & { found: number };
  /** What the measured phases cost the machine (other processes' load included). */
  resources: { ledger: PhaseResources; sweep: PhaseResources };
  checks: { ok: boolean; redisKeysRemoved?: number; redisKeysLeft?: number } & Record<string, unknown>;
}

const HOUR = 3_600_000;

async function timed<T>(
  repeats: number,
  run: () => Promise<T>,
): Promise<{ summary: LatencySummary; last: T }> {
  let last = await run();
  const samples = new Samples();
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    last = await run();
    samples.add(performance.now() - t0);
  }
  return { summary: samples.summary(), last };
}

export async function supervisionBench(args: {
  options: BenchOptions;
  office: SyntheticOffice;
  redisUrl: string;
  progress: (m: string) => void;
}): Promise<PartResult<SupervisionPart>> {
  const { options, office, progress } = args;
  const openTasks = options.BENCH_SUPERVISION_TASKS;
  const ledgerTasks = Math.min(openTasks, options.BENCH_SUPERVISION_LEDGER_TASKS);
  const closedTasks = options.BENCH_SUPERVISION_CLOSED;
  const repeats = options.BENCH_SUPERVISION_REPEATS;
  const units = office.chatCount;
  return withBenchApp(
    {
      databaseUrl: options.DATABASE_URL,
      config: office.config,
      redisUrl: args.redisUrl,
      logLevel: options.BENCH_LOG_LEVEL,
      name: "supervision",
    },
    progress,
    async (app, control) => {
      const prisma = app.services.database;
      const rules = office.config.policy.tasks;
      const supervisionOffice = officeOf(office.config, app.services.directory);
      const leader = app.services.directory.person("bench-leader-1") as Person;
      const base = app.services.clock.now();
      const seedStart = performance.now();
      let parts = await seedTaskBatch(prisma, base, {
        name: "H",
        count: closedTasks,
        units,
        assignedBeforeMs: 400 * 24 * HOUR,
        firstDueMs: -390 * 24 * HOUR,
        lastDueMs: -2 * 24 * HOUR,
        closed: true,
      });
      parts += await seedTaskBatch(prisma, base, {
        name: "L",
        count: ledgerTasks,
        units,
        assignedBeforeMs: 3 * 24 * HOUR,
        firstDueMs: -24 * HOUR,
        lastDueMs: 72 * HOUR,
        closed: false,
      });
      const seedSeconds = round((performance.now() - seedStart) / 1000, 1);
      progress(
        `supervision: ${closedTasks} closed and ${ledgerTasks} open tasks on file in ${seedSeconds} s`,
      );

      const ledgerRun = await withResources(control, async () => ({
        ledger: await timed(repeats, () => ledgerText(app.services, rules, supervisionOffice, leader, false)),
        ledgerOverdue: await timed(repeats, () =>
          ledgerText(app.services, rules, supervisionOffice, leader, true),
        ),
      }));
      const { ledger, ledgerOverdue } = ledgerRun.result;
      const title = ledger.last.split("\n")[0] ?? "";
      progress(`supervision: 督办 ${ledger.summary.p50Ms} ms p50, ${ledger.summary.maxMs} ms max — ${title}`);

      const topUpStart = performance.now();
      parts += await seedTaskBatch(prisma, base, {
        name: "S",
        count: openTasks - ledgerTasks,
        units,
        assignedBeforeMs: 5 * 24 * HOUR,
        firstDueMs: -72 * HOUR,
        lastDueMs: 72 * HOUR,
        closed: false,
      });
      progress(
        `supervision: open tasks topped up to ${openTasks} in ${round((performance.now() - topUpStart) / 1000, 1)} s`,
      );
      const afterEveryDeadline = new Date(base.getTime() + 4 * 24 * HOUR);
      const sweepRun = await withResources(control, () =>
        timed(repeats, () => overdueParts(prisma, afterEveryDeadline)),
      );
      const sweep = sweepRun.result;
      progress(
        `supervision: sweep ${sweep.summary.p50Ms} ms p50, ${sweep.summary.maxMs} ms max, ${sweep.last.length} parts`,
      );

      const expectedTitle = `在办督办事项（${ledgerTasks} 项，`;
      const overdueTasks = Number(/逾期 (\d+) 项/.exec(title)?.[1] ?? -1);
      return {
        settings: { openTasks, ledgerTasks, closedTasks, units, repeats },
        seed: { seconds: seedSeconds, parts },
        ledger: { ...ledger.summary, lines: ledger.last.split("\n").length, overdueTasks },
        ledgerOverdue: ledgerOverdue.summary,
        sweep: { ...sweep.summary, found: sweep.last.length },
        resources: { ledger: ledgerRun.resources, sweep: sweepRun.resources },
        checks: {
          ok: title.startsWith(expectedTitle) && overdueTasks > 0 && sweep.last.length === 2 * openTasks,
          ledgerTitle: title,
          sweepFound: sweep.last.length,
        },
      };
    },
  );
}
