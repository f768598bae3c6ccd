/**
 * The incident part of `npm run bench`, on its own database, app and queue prefix (removed at the end),
 * with the real BullMQ Scheduler and job worker:
 *  - alerts: 首报 filed through the dialog at `BENCH_ALERT_RATE` confirms per second; per incident the
 *    time from `确认` handed to the pipeline to the leaders' alert accepted by the Messenger
 *    (incident-alerts.ts);
 *  - timers: `BENCH_TIMER_INCIDENTS` open incidents put on file, one acknowledgement check each
 *    scheduled through the Scheduler, due within `BENCH_TIMER_WINDOW_SECONDS`, fired by the job worker:
 *    scheduling and firing throughput and lateness (incident-timers.ts).
 */

import { join } from "node:path";
import type { Redis } from "ioredis";
import type { App } from "../src/app/create-app.ts";
import { alertChats } from "../src/handlers/office/audience.ts";
import type { PrismaClient } from "../src/store/generated/client.ts";
import { withBenchApp } from "./bench-app.ts";
import { profiled } from "./cpu-profile.ts";
import { alertFigures, type FiledReport, ReportDriver, waitForAlerts } from "./incident-alerts.ts";
import { IncidentProbe } from "./incident-probe.ts";
import {
  createOpenIncidents,
  drainSends,
  runTimers,
  type TimerOptions,
  timerFigures,
} from "./incident-timers.ts";
import { openLoop } from "./load.ts";
import type { BenchOptions } from "./options.ts";
import { TARGETS } from "./report.ts";
import { withResources } from "./resources.ts";
import { round } from "./stats.ts";
import type { SyntheticOffice } from "./synthetic-office.ts";

export type IncidentPart = Awaited<ReturnType<typeof incidentBench>>["part"];

interface Ctx {
  app: App;
  prisma: PrismaClient;
  probe: IncidentProbe;
  ctl: Redis;
  options: BenchOptions;
  office: SyntheticOffice;
  runId: string;
  /** BENCH_PROFILE: where to write CPU profiles of the measured alert phase and of the timers firing. */
  profileDir?: string;
  progress: (message: string) => void;
}

const profileFile = (dir: string | undefined, name: string) => (dir ? join(dir, name) : undefined);

async function alertsPhase({ app, prisma, probe, ctl, options, office, runId, profileDir, progress }: Ctx) {
  const chats = { leaders: office.leadersChatId, duty: office.dutyChatId };
  const alertChatCount = alertChats(app.services.directory).length;
  const driver = new ReportDriver(app, probe, office.people, `${runId}-r`, options.BENCH_ALERT_LEAD_MS);
  const filed: FiledReport[] = [];
  const load = (rate: number, seconds: number) =>
    openLoop(office.people.length, rate, seconds * 1000, (actor, dueAt) => driver.report(actor, dueAt), rate);

  /** Reports at `rate` for `seconds`, until every alert is in and every send delivered. */
  const measured = async (rate: number, seconds: number, profile?: string) => {
    progress(
      `incident alerts: ${seconds} s of 首报 at ${rate}/s (上报 + grade, 确认 ${options.BENCH_ALERT_LEAD_MS} ms after the start)`,
    );
    probe.resetPeak();
    const run = await withResources(ctl, () =>
      profiled(profile, async () => {
        const outcome = await load(rate, seconds);
        const rec = driver.reset();
        const wait = await waitForAlerts(probe, rec.reports, alertChatCount, 60_000);
        return { outcome, rec, wait };
      }),
    );
    const drain = await drainSends(app, 60_000);
    const { outcome, rec, wait } = run.result;
    filed.push(...rec.reports);
    const figures = alertFigures(rec, probe, chats);
    const elapsed = outcome.elapsedMs / 1000;
    const ok =
      wait.complete &&
      drain.drained &&
      figures.alertsMissing === 0 &&
      figures.incidentsWithMoreThanOneAlert === 0 &&
      figures.alertJobsRunTwice === 0 &&
      figures.confirmsSent === figures.incidentsFiled &&
      figures.errors.failed + figures.errors.unexpectedReply === 0;
    return {
      offeredConfirmsPerSecond: rate,
      seconds: round(elapsed, 1),
      /** Every message of the phase (上报, grade, 确认) per second. */
      inboundMessagesPerSecond: round((figures.reportsStarted * 3) / elapsed, 0),
      ...(outcome.gaveUpAfterMs === undefined ? {} : { gaveUpAfterMs: round(outcome.gaveUpAfterMs, 0) }),
      waitedForReporter: outcome.waitedForActor ?? 0,
      /** After the last 确认, until the last alert was on the send queue. */
      alertsWaitMs: round(wait.waitedMs, 0),
      ...figures,
      /** This process's CPU per report: three inbound messages, the alert job, and delivering every send. */
      cpuMsPerReport: round(run.resources.processCpuMs / Math.max(1, figures.reportsStarted), 2),
      redisCpuMsPerReport: round(run.resources.redisCpuMs / Math.max(1, figures.reportsStarted), 2),
      sendsDrainMs: round(drain.ms, 0),
      resources: run.resources,
      ok,
    };
  };

  const rate = options.BENCH_ALERT_RATE;
  progress(`incident alerts: warm-up, ${options.BENCH_ALERT_WARMUP_SECONDS} s of 首报 at ${rate}/s`);
  await load(rate, options.BENCH_ALERT_WARMUP_SECONDS);
  const warm = driver.reset();
  filed.push(...warm.reports);
  await waitForAlerts(probe, warm.reports, alertChatCount, 60_000);
  await drainSends(app, 60_000);

  const main = await measured(
    rate,
    options.BENCH_ALERT_SECONDS,
    profileFile(profileDir, "incident-alerts.cpuprofile"),
  );
  // Missing the target, also show a rate the system carries: the latency itself, not the backlog.
  const missed =
    main.gaveUpAfterMs !== undefined || main.latency.confirmToLeadersAlert.p99Ms > TARGETS.alertP99Ms;
  const lowerRate = Math.max(1, Math.round(rate * options.BENCH_ALERT_LOWER_RATE_SHARE));
  const lower =
    missed && lowerRate < rate
      ? await measured(lowerRate, Math.min(5, options.BENCH_ALERT_SECONDS))
      : undefined;

  // Every incident of every phase on file once, alerted once, its alert delivered to both groups.
  const all = filed.flatMap((r) => (r.number ? [r.number] : []));
  const [incidents, alertedTimeline, leadersDelivered, dutyDelivered] = await Promise.all([
    prisma.incident.count({ where: { number: { in: all } } }),
    prisma.timelineEntry.count({ where: { kind: "alerted", incident: { number: { in: all } } } }),
    prisma.consoleMessage.count({ where: { chatId: chats.leaders, senderId: null } }),
    prisma.consoleMessage.count({ where: { chatId: chats.duty, senderId: null } }),
  ]);
  const checks = {
    incidentsFiled: all.length,
    incidentsOnFile: incidents,
    alertedInTimeline: alertedTimeline,
    leadersAlertsDelivered: leadersDelivered,
    dutyAlertsDelivered: dutyDelivered,
    duplicateSends: probe.duplicateSends,
    warmupProblems: warm.failed + warm.unexpected,
    ok:
      incidents === all.length &&
      alertedTimeline === all.length &&
      leadersDelivered === all.length &&
      dutyDelivered === all.length &&
      probe.duplicateSends === 0 &&
      warm.failed + warm.unexpected === 0 &&
      main.ok &&
      (lower?.ok ?? true),
  };
  return {
    settings: {
      confirmsPerSecond: rate,
      seconds: options.BENCH_ALERT_SECONDS,
      warmupSeconds: options.BENCH_ALERT_WARMUP_SECONDS,
      confirmLeadMs: options.BENCH_ALERT_LEAD_MS,
      messagesPerReport: 3,
      latency:
        "confirmToLeadersAlert = from pipeline.handle() being called for 确认 to the alert card's Messenger.send() " +
        "to the leaders' group resolving (queued on Redis); the alert job runs on the real BullMQ job worker",
    },
    ...main,
    /** Only when the target rate missed the target: the same at a lower rate. */
    ...(lower ? { atLowerRate: lower } : {}),
    checks,
  };
}

async function timersPhase({ app, prisma, probe, ctl, options, office, runId, profileDir, progress }: Ctx) {
  const count = options.BENCH_TIMER_INCIDENTS;
  const warmCount = Math.min(200, count);
  const sustainedRate = options.BENCH_TIMER_SUSTAINED_RATE;
  const sustainedCount = Math.round(sustainedRate * options.BENCH_TIMER_SUSTAINED_SECONDS);
  progress(`incident timers: ${count} + ${warmCount} (warm-up) open incidents put on file`);
  const { directory } = app.services;
  const create = (n: number, tag: string, first: number) =>
    createOpenIncidents(prisma, office.people, directory, n, `${runId}-${tag}`, first);
  const warmIds = await create(warmCount, "tw", 0);
  const created = await create(count, "t", warmCount);
  const concurrency = options.BENCH_TIMER_CONCURRENCY;

  /** Schedules, fires and delivers one ack check per incident of `ids`; figures and checks. */
  const batch = async (ids: number[], timerOptions: TimerOptions) => {
    const run = await runTimers(app, probe, ctl, ids, timerOptions);
    const figures = await timerFigures(app, probe, prisma, run, timerOptions, office.config);
    const ok =
      run.allFired &&
      run.drain.drained &&
      figures.fire.fired === ids.length &&
      figures.checks.failedJobs === 0 &&
      figures.checks.jobsRunMoreThanOnce === 0 &&
      figures.checks.jobsWithoutExpectedSends === 0 &&
      figures.checks.incidentsEscalated === ids.length &&
      figures.checks.timelineEscalated === ids.length;
    return { ...figures, checks: { ...figures.checks, ok } };
  };

  // Warm-up: a small batch, due a second from now, which also says how fast scheduling is.
  const warm = await runTimers(app, probe, ctl, warmIds.ids, {
    leadMs: 1000,
    windowMs: 1000,
    concurrency,
    fireTimeoutMs: 60_000,
  });
  const warmRate = warmIds.ids.length / (warm.schedule.elapsedMs / 1000);
  // Every job should be on the Scheduler before the first is due: the lead is the scheduling time
  // the warm-up rate predicts, with room to spare.
  const leadMs = Math.min(60_000, Math.max(2000, Math.round((1.5 * count * 1000) / warmRate + 1000)));
  const openAtStart = await prisma.incident.count({ where: { status: "open" } });
  progress(
    `incident timers: ${count} ack checks scheduled, ${concurrency} at a time, due from ${round(leadMs / 1000, 1)} s ahead over ${options.BENCH_TIMER_WINDOW_SECONDS} s; then fired and their sends delivered`,
  );
  const burst = await batch(created.ids, {
    leadMs,
    windowMs: options.BENCH_TIMER_WINDOW_SECONDS * 1000,
    concurrency,
    fireTimeoutMs: 300_000,
    ...(profileDir ? { profileFile: join(profileDir, "timers-fire.cpuprofile") } : {}),
  });

  // Sustained: checks due at the design rate while every incident above is still open (its level-2
  // check pending). The target is judged here; the burst above measures how fast timers can fire.
  const sustainedIds = (await create(sustainedCount, "ts", warmCount + count)).ids;
  progress(
    `incident timers: ${sustainedCount} more ack checks due at ${sustainedRate}/s for ${options.BENCH_TIMER_SUSTAINED_SECONDS} s (sustained)`,
  );
  const sustained = await batch(sustainedIds, {
    leadMs: 2000,
    windowMs: options.BENCH_TIMER_SUSTAINED_SECONDS * 1000,
    concurrency,
    fireTimeoutMs: 300_000,
  });
  return {
    settings: {
      openIncidents: count,
      openIncidentsAtStart: openAtStart,
      warmupIncidents: warmCount,
      windowSeconds: options.BENCH_TIMER_WINDOW_SECONDS,
      leadMs,
      scheduleConcurrency: concurrency,
      jobWorkerConcurrency: "the app's (startJobWorker default)",
      job:
        "incident.ack-check, level 1: re-reads the incident, schedules the level-2 check, sends the escalation " +
        "card to the chats reaching level 1, moves the incident up a level, writes the timeline",
      lateness: "job start on the job worker − due time (wall clock); latenessDone: job end − due time",
    },
    createIncidents: {
      rows: count,
      seconds: round(created.ms / 1000, 2),
      rowsPerSecond: round(count / (created.ms / 1000), 0),
    },
    warmupScheduleJobsPerSecond: round(warmRate, 0),
    ...burst,
    /** Timers due at the design rate for a while: the lateness target is judged on these. */
    sustained,
    checks: {
      ...burst.checks,
      warmupAllFired: warm.allFired,
      ok: burst.checks.ok && warm.allFired && sustained.checks.ok,
    },
  };
}

export async function incidentBench(args: {
  options: BenchOptions;
  office: SyntheticOffice;
  redisUrl: string;
  runId: string;
  alerts: boolean;
  timers: boolean;
  profileDir?: string;
  progress: (message: string) => void;
}) {
  const { options, office, redisUrl, progress } = args;
  return withBenchApp(
    {
      databaseUrl: options.DATABASE_URL,
      config: office.config,
      redisUrl,
      logLevel: options.BENCH_LOG_LEVEL,
      name: "incident",
    },
    progress,
    async (app, control) => {
      const ctx: Ctx = {
        app,
        prisma: app.services.database,
        probe: new IncidentProbe(app),
        ctl: control,
        options,
        office,
        runId: args.runId,
        ...(args.profileDir ? { profileDir: args.profileDir } : {}),
        progress,
      };
      const alerts = args.alerts ? await alertsPhase(ctx) : undefined;
      const timers = args.timers ? await timersPhase(ctx) : undefined;
      return {
        ...(alerts ? { alerts } : {}),
        ...(timers ? { timers } : {}),
        checks: {
          ok: (alerts?.checks.ok ?? true) && (timers?.checks.ok ?? true),
        } as { ok: boolean; redisKeysRemoved?: number; redisKeysLeft?: number },
      };
    },
  );
}
