/**
 * Timers with many open incidents: `count` open, alerted, unacknowledged incidents are put straight
 * into the database (createMany), then each gets its first acknowledgement check
 * (`incident-<id>-ack-1`, the job that escalates an alert nobody read) through the app's real
 * Scheduler (BullmqScheduler: a delayed BullMQ job), all due within a window of a few seconds. The
 * real job worker fires them and each does its real work: re-reads the incident, schedules the next
 * level's check, sends the escalation card (onto the send queue), moves the incident up a level and
 * writes the timeline.
 *
 * Lateness = when the job worker started the job − when it was due (wall clock, as the Scheduler
 * computes delays). The send queue is drained afterwards and timed on its own.
 */
import { performance } from "node:perf_hooks";
import type { Redis } from "ioredis";
import type { App } from "../src/app/create-app.ts";
import type { Directory } from "../src/bot/core/directory.ts";
import type { OfficeConfig } from "../src/config/load.ts";
import { incidentRules } from "../src/config/policy.ts";
import { INCIDENT_JOBS, scheduleAckCheck } from "../src/handlers/incident/incident-schedule.ts";
import { escalationOffer } from "../src/handlers/incident/rules/who-may.ts";
import { chatsReaching } from "../src/handlers/office/audience.ts";
import { officeOf } from "../src/handlers/office/office.ts";
import { onDutyAt } from "../src/handlers/office/on-duty.ts";
import { levelAt, resolveRecipients } from "../src/handlers/office/recipients.ts";
import type { BullmqScheduler } from "../src/queue/bullmq-scheduler.ts";
import type { PrismaClient } from "../src/store/generated/client.ts";
import { profiled } from "./cpu-profile.ts";
import { type IncidentProbe, wallNow } from "./incident-probe.ts";
import { type PhaseResources, withResources } from "./resources.ts";
import { round, Samples } from "./stats.ts";
import type { BenchPerson } from "./synthetic-office.ts";

const GRADES = ["I", "II", "III", "IV"] as const;
/** Incident numbers of the bench's own incidents count from here, clear of the ones reports get. */
const NUMBER_BASE = 100_000;

/** Puts `count` open, alerted, unacknowledged incidents on file; returns their ids in order. */
export async function createOpenIncidents(
  prisma: PrismaClient,
  people: BenchPerson[],
  directory: Directory,
  count: number,
  tag: string,
  firstSequence: number,
): Promise<{ ids: number[]; ms: number }> {
  const t0 = performance.now();
  // One INSERT … SELECT over generate_series: createMany through Prisma costs about 0.75 ms a row
  // on PGlite (7–8 s for 10,000), which would only lengthen the set-up. Timestamps are UTC, as
  // Prisma stores them (timestamp without time zone).
  const now = new Date();
  const year = now.getUTCFullYear();
  const utc = now.toISOString().replace("Z", "");
  const reporters = people.map((p) => p.id);
  const units = people.map((p) => directory.person(p.id)?.unit ?? "");
  const chats = people.map((p) => p.chatId);
  const grades = [...GRADES];
  await prisma.$executeRaw`
    INSERT INTO incident (number, source_key, unit_id, reporter_id, chat_id, type, grade_id, occurred_at,
      reported_at, location, summary, deaths, injured, missing, measures, contact_name, contact_phone,
      written_due_at, completed_at, alerted_at, escalation_level, last_report_at)
    SELECT ${String(year)} || '-' || (${NUMBER_BASE + firstSequence}::int + g)::text, ${tag} || '-' || g::text,
      (${units}::text[])[g % ${units.length}::int + 1], (${reporters}::text[])[g % ${reporters.length}::int + 1],
      (${chats}::text[])[g % ${chats.length}::int + 1], '事故灾难', (${grades}::text[])[g % ${grades.length}::int + 1],
      r.at - interval '10 minutes', r.at, '压测镇' || g::text || '号村村道', '两车相撞，一车侧翻', 0, 1 + g % 5, 0,
      '镇长已带队赶赴现场，伤员已送县医院', '钱镇长', '13800000042', r.at + interval '1 hour', r.at, r.at, 0, r.at
    FROM generate_series(0, ${count - 1}::int) AS g,
      LATERAL (SELECT ${utc}::timestamp - make_interval(secs => 60 + g % 600) AS at) AS r`;
  // Their timeline so far, as a filed and alerted incident has it (one statement: createMany of
  // 20,000 rows through Prisma would take seconds).
  await prisma.$executeRaw`
    INSERT INTO timeline_entry (incident_id, at, kind, actor_id, detail)
    SELECT id, reported_at, k.kind, CASE WHEN k.kind = 'reported' THEN reporter_id END, '{}'::jsonb
    FROM incident, (VALUES ('reported'), ('alerted')) AS k(kind)
    WHERE source_key LIKE ${`${tag}-%`}`;
  const created = await prisma.incident.findMany({
    where: { sourceKey: { startsWith: `${tag}-` } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return { ids: created.map((c) => c.id), ms: performance.now() - t0 };
}

export interface TimerOptions {
  /** Ack checks scheduled this many ms from now at the earliest, spread over `windowMs`. */
  leadMs: number;
  windowMs: number;
  /** Scheduler.schedule calls in flight at once. */
  concurrency: number;
  /** Give up waiting for the jobs after this long past the window's end. */
  fireTimeoutMs: number;
  /** BENCH_PROFILE: a CPU profile of the firing. */
  profileFile?: string;
}

interface Timer {
  id: number;
  key: string;
  dueWall: number;
}

/** Schedules one ack check per incident through the app's Scheduler, `concurrency` at a time. */
async function scheduleTimers(app: App, ids: number[], options: TimerOptions) {
  const base = wallNow() + options.leadMs;
  const timers: Timer[] = ids.map((id, i) => ({
    id,
    key: `incident-${id}-ack-1`,
    // Whole milliseconds: the Scheduler's Date has no finer resolution.
    dueWall: Math.round(base + (i / ids.length) * options.windowMs),
  }));
  const latency = new Samples();
  let next = 0;
  let afterDue = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < timers.length) {
        const timer = timers[next++] as Timer;
        const s = performance.now();
        await scheduleAckCheck(app.services.scheduler, timer.id, 1, new Date(timer.dueWall));
        latency.add(performance.now() - s);
        if (wallNow() > timer.dueWall) afterDue += 1;
      }
    }),
  );
  return { timers, elapsedMs: performance.now() - t0, latency, scheduledAfterDue: afterDue };
}

/** Waits until every timer's job ran (or the time is up). */
async function waitFired(probe: IncidentProbe, timers: Timer[], untilWall: number): Promise<boolean> {
  let pending = timers;
  for (;;) {
    // Jobs end roughly in due order: trim the ones done from the front, look no further than needed.
    let done = 0;
    while (done < pending.length && probe.jobs.get((pending[done] as Timer).key)?.endedAt !== undefined)
      done += 1;
    pending = pending.slice(done);
    if (pending.length === 0) return true;
    if (wallNow() > untilWall) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the send queue is empty; returns how long that took. */
export async function drainSends(app: App, timeoutMs: number): Promise<{ ms: number; drained: boolean }> {
  const t0 = performance.now();
  for (;;) {
    await app.pipeline.idle();
    const pending = await app.messenger.pendingCount();
    const ms = performance.now() - t0;
    if (pending === 0) return { ms, drained: true };
    if (ms > timeoutMs) return { ms, drained: false };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface TimerRun {
  timers: Timer[];
  schedule: Awaited<ReturnType<typeof scheduleTimers>>;
  scheduleResources: PhaseResources;
  allFired: boolean;
  fireResources: PhaseResources;
  drain: { ms: number; drained: boolean };
  drainResources: PhaseResources;
}

/** Schedules, fires and drains one batch of ack checks for the incidents `ids`. */
export async function runTimers(
  app: App,
  probe: IncidentProbe,
  ctl: Redis,
  ids: number[],
  options: TimerOptions,
): Promise<TimerRun> {
  probe.watchJobs(INCIDENT_JOBS.ackCheck);
  const scheduled = await withResources(ctl, () => scheduleTimers(app, ids, options));
  const { timers } = scheduled.result;
  const lastDue = timers.reduce((max, t) => Math.max(max, t.dueWall), 0);
  const fired = await withResources(ctl, () =>
    profiled(options.profileFile, () => waitFired(probe, timers, lastDue + options.fireTimeoutMs)),
  );
  const drained = await withResources(ctl, () => drainSends(app, 180_000));
  return {
    timers,
    schedule: scheduled.result,
    scheduleResources: scheduled.resources,
    allFired: fired.result,
    fireResources: fired.resources,
    drain: drained.result,
    drainResources: drained.resources,
  };
}

/** The figures of one batch, and what the database and the queues say about it. */
export async function timerFigures(
  app: App,
  probe: IncidentProbe,
  prisma: PrismaClient,
  run: TimerRun,
  options: TimerOptions,
  config: OfficeConfig,
) {
  const { timers } = run;
  const lateness = new Samples();
  const doneLateness = new Samples();
  const duration = new Samples();
  let fired = 0;
  let failed = 0;
  let ranMoreThanOnce = 0;
  let firstStart = Number.POSITIVE_INFINITY;
  let lastEnd = Number.NEGATIVE_INFINITY;
  let sends = 0;
  let sendsPerJobMismatch = 0;
  const directory = app.services.directory;
  // What one ack check sends: in every chat reaching the first escalation level's people, one card
  // per kind of ask among them (the same for every incident here: the duty office's director is asked
  // to read it, the reporting unit's to follow up).
  const sample = await prisma.incident.findUnique({ where: { id: timers[0]?.id ?? 0 } });
  const rules = incidentRules(config.policy);
  const recipients =
    sample && rules
      ? resolveRecipients(
          levelAt(rules.escalation, 1),
          directory.people(),
          sample.unitId,
          onDutyAt(officeOf(config, directory), directory, new Date()),
        )
      : [];
  const askOf = (id: string) => {
    const person = directory.person(id);
    return person && sample && rules ? escalationOffer(person, sample.unitId, rules.incident).ask : "passOn";
  };
  const expectedSends = chatsReaching(directory, recipients).reduce(
    (sum, chatId) => sum + new Set(directory.membersAmong(chatId, recipients).map(askOf)).size,
    0,
  );
  for (const timer of timers) {
    const job = probe.jobs.get(timer.key);
    if (!job) continue;
    if (job.error) failed += 1;
    if (job.runs > 1) ranMoreThanOnce += 1;
    if (job.endedAt === undefined) continue;
    fired += 1;
    lateness.add(job.startedWall - timer.dueWall);
    doneLateness.add(job.startedWall + (job.endedAt - job.startedAt) - timer.dueWall);
    duration.add(job.endedAt - job.startedAt);
    firstStart = Math.min(firstStart, job.startedAt);
    lastEnd = Math.max(lastEnd, job.endedAt);
    const made = probe.jobSends.get(timer.key)?.length ?? 0;
    sends += made;
    if (made !== expectedSends) sendsPerJobMismatch += 1;
  }
  const ids = timers.map((t) => t.id);
  const [escalated, timelineEscalated] = await Promise.all([
    prisma.incident.count({ where: { id: { in: ids }, escalationLevel: 1 } }),
    prisma.timelineEntry.count({ where: { incidentId: { in: ids }, kind: "escalated" } }),
  ]);
  const jobCounts = await (app.services.scheduler as BullmqScheduler).queue.getJobCounts(
    "delayed",
    "waiting",
    "active",
    "failed",
  );
  const firingSeconds = (lastEnd - firstStart) / 1000;
  const windowSeconds =
    (Math.max(...timers.map((t) => t.dueWall)) - Math.min(...timers.map((t) => t.dueWall))) / 1000;
  return {
    jobs: timers.length,
    schedule: {
      concurrency: options.concurrency,
      seconds: round(run.schedule.elapsedMs / 1000, 2),
      jobsPerSecond: round(timers.length / (run.schedule.elapsedMs / 1000), 0),
      callLatency: run.schedule.latency.summary(),
      scheduledAfterDue: run.schedule.scheduledAfterDue,
      cpuMsPerJob: round(run.scheduleResources.processCpuMs / timers.length, 3),
      redisCpuMsPerJob: round(run.scheduleResources.redisCpuMs / timers.length, 3),
      resources: run.scheduleResources,
    },
    fire: {
      windowSeconds: round(windowSeconds, 2),
      offeredJobsPerSecond: round(timers.length / Math.max(0.001, windowSeconds), 0),
      fired,
      allFired: run.allFired,
      seconds: round(firingSeconds, 2),
      /** Jobs done per second from the first start to the last end. */
      jobsPerSecond: round(fired / Math.max(0.001, firingSeconds), 0),
      /** Job start − due time (wall clock). */
      lateness: lateness.summary(),
      /** Job end (its sends are on the send queue) − due time. */
      latenessDone: doneLateness.summary(),
      /** One job from start to end (the job worker runs a few at a time). */
      jobDuration: duration.summary(),
      cpuMsPerJob: round(run.fireResources.processCpuMs / Math.max(1, fired), 3),
      redisCpuMsPerJob: round(run.fireResources.redisCpuMs / Math.max(1, fired), 3),
      resources: run.fireResources,
    },
    sends: {
      queued: sends,
      perJob: round(sends / Math.max(1, fired), 2),
      expectedPerJob: expectedSends,
      drainSeconds: round(run.drain.ms / 1000, 2),
      drained: run.drain.drained,
      resources: run.drainResources,
    },
    checks: {
      failedJobs: failed,
      jobsRunMoreThanOnce: ranMoreThanOnce,
      jobsWithoutExpectedSends: sendsPerJobMismatch,
      incidentsEscalated: escalated,
      timelineEscalated,
      /** The next level's checks the jobs scheduled (due minutes later), and anything left. */
      jobsQueue: jobCounts,
    },
  };
}
