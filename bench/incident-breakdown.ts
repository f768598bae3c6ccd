/**
 * Where the incident path's time goes, statement by statement, on an instrumented in-memory PGlite:
 *  1. 首报 one at a time (上报 <paragraph>, grade, 确认; BREAKDOWN_REPORTS, default 60), each until
 *     its alert is on the send queue and delivered: per report, SQL statements, time in PGlite's
 *     WebAssembly, Prisma plans compiled, Redis commands, process CPU, and the alert latency with
 *     nothing else running;
 *  2. acknowledgement checks (BREAKDOWN_TIMERS open incidents, default 1000, all due at once) fired
 *     by the job worker and their sends delivered: the same per job.
 * Usage: `npx tsx bench/incident-breakdown.ts` (PGlite only; REDIS_URL as for the bench).
 */

import { performance } from "node:perf_hooks";
import { alertChats } from "../src/handlers/office/audience.ts";
import { alertFigures, ReportDriver, waitForAlerts } from "./incident-alerts.ts";
import { IncidentProbe } from "./incident-probe.ts";
import { createOpenIncidents, drainSends, runTimers } from "./incident-timers.ts";
import { commandStats, netInput, printCosts } from "./instrument.ts";
import { startInstrumentedApp } from "./instrumented-app.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const reports = Number(process.env.BREAKDOWN_REPORTS ?? 60);
const timers = Number(process.env.BREAKDOWN_TIMERS ?? 1000);
const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const setup = await startInstrumentedApp(ROOT);
  const { office, database, pg, app, control } = setup;
  const probe = new IncidentProbe(app);
  const chats = alertChats(app.services.directory).length;
  const measure = async (unit: string, units: () => number, work: () => Promise<void>) => {
    pg.reset();
    const before = await commandStats(control);
    const netBefore = await netInput(control);
    const cpu0 = process.cpuUsage();
    pg.recording = true;
    const t0 = performance.now();
    await work();
    const wallMs = performance.now() - t0;
    pg.recording = false;
    const cpu = process.cpuUsage(cpu0);
    const after = await commandStats(control);
    const bytes = (await netInput(control)) - netBefore;
    const n = units();
    out(
      `\n${n} ${unit}s in ${(wallMs / 1000).toFixed(1)} s (${((n / wallMs) * 1000).toFixed(0)}/s); process CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms/${unit}`,
    );
    printCosts(out, unit, n, pg, { before, after, bytes });
  };
  try {
    const driver = new ReportDriver(app, probe, office.people, `bd-${Date.now().toString(36)}`, 0);
    const file = async (count: number) => {
      for (let i = 0; i < count; i++) await driver.report(i % office.people.length, performance.now());
      await waitForAlerts(probe, driver.recorder.reports, chats, 30_000);
      await drainSends(app, 60_000);
    };
    await file(10);
    driver.reset();
    out(`== 首报, one at a time: 上报 <paragraph>, grade, 确认; the alert job; every send delivered ==`);
    await measure(
      "report",
      () => driver.recorder.reports.length,
      () => file(reports),
    );
    const figures = alertFigures(driver.reset(), probe, {
      leaders: office.leadersChatId,
      duty: office.dutyChatId,
    });
    const l = figures.latency;
    out(
      `\nalone: confirm → leaders' alert p50 ${l.confirmToLeadersAlert.p50Ms} ms, p99 ${l.confirmToLeadersAlert.p99Ms} ms ` +
        `(filed + scheduled p50 ${l.breakdown.confirmToAlertScheduled.p50Ms} ms, BullMQ to job start p50 ${l.breakdown.scheduledToJobStart.p50Ms} ms, ` +
        `job → leaders' send p50 ${l.breakdown.jobStartToLeadersAlert.p50Ms} ms); ${figures.alerted}/${figures.incidentsFiled} alerted`,
    );
    out(
      `alone: pipeline.handle p50 上报 <paragraph> ${l.handled.paragraph.p50Ms} ms, grade ${l.handled.grade.p50Ms} ms, 确认 ${l.handled.confirm.p50Ms} ms`,
    );

    const ids = (
      await createOpenIncidents(
        database.prisma,
        office.people,
        app.services.directory,
        timers + 50,
        "bd-timer",
        0,
      )
    ).ids;
    const options = { leadMs: 300, windowMs: 0, concurrency: 16, fireTimeoutMs: 120_000 };
    await runTimers(app, probe, control, ids.slice(0, 50), options);
    out(`\n== acknowledgement checks (level 1), ${timers} due at once; every send delivered ==`);
    let fired = 0;
    await measure(
      "job",
      () => fired,
      async () => {
        const run = await runTimers(app, probe, control, ids.slice(50), options);
        fired = run.timers.length;
      },
    );
  } finally {
    await setup.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
