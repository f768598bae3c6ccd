/**
 * Watches the incident path of a built app without changing it: when an inbound event is handed to
 * the pipeline, when the bot's replies to it are accepted, when the alert job is put on the
 * Scheduler, when a scheduled job starts and ends on the job worker, and when each send of a job is
 * accepted by the Messenger (QueuedMessenger.send resolved: the send is on the queue).
 *
 * createApp offers no hooks, so, like latency-probe.ts, this wraps methods of the built app's
 * instances: `app.pipeline.handle` (the console inbox calls it through the object),
 * `app.messenger.send` (the same object is `services.messenger`, behind every outbox),
 * `app.services.scheduler.schedule` (the BullmqScheduler instance handlers reach through services)
 * and `app.jobs.run` (the job worker calls it on the registry object). Sends are matched by their
 * idempotency key: `console-<eventId>-<n>` or `-<name>` for replies (reply-key.ts), `<job key>-<n>` for a job's sends
 * (`incident-<id>-alert-<n>`, `incident-<id>-ack-<level>-<n>`; see src/bot/core/outbox.ts).
 */
import { performance } from "node:perf_hooks";
import type { App } from "../src/app/create-app.ts";
import type { InboundOutcome } from "../src/bot/core/pipeline.ts";
import { consoleEventOfReply } from "./reply-key.ts";

/** Milliseconds since the epoch with sub-millisecond resolution, comparable with Date.getTime(). */
export const wallNow = (): number => performance.timeOrigin + performance.now();

export interface Reply {
  /** performance.now() when Messenger.send resolved. */
  at: number;
  chatId: string;
  /** Text, or the card's title. */
  text: string;
}

export interface WatchedEvent {
  handedAt?: number;
  handledAt?: number;
  outcome?: InboundOutcome;
  replies: Reply[];
}

export interface JobSend {
  at: number;
  chatId: string;
  key: string;
  title: string;
  /** The card's 编号 field, when the send is a card that has one (the alert card). */
  number?: string;
}

export interface JobRun {
  name: string;
  /** performance.now() when the job worker called the registry. */
  startedAt: number;
  /** wallNow() at the same moment, to compare with the time the job was due. */
  startedWall: number;
  endedAt?: number;
  error?: string;
  /** How many times it ran (a retry runs it again). */
  runs: number;
}

/** A job's send key: `<job key>-<n>`, or `<job key>-noack-<n>` for a card that offers no 已阅 (alert-sends.ts). */
const JOB_SEND = /^(incident-\d+-.+?)-(?:noack-)?(\d+)$/;
const ALERT_KEY = /^incident-(\d+)-alert$/;

export class IncidentProbe {
  readonly events = new Map<string, WatchedEvent>();
  /** Alert job keys (`incident-<id>-alert`) → when Scheduler.schedule for it resolved. */
  readonly alertScheduledAt = new Map<string, number>();
  /** Job key → its run on the job worker, for jobs whose name is watched. */
  readonly jobs = new Map<string, JobRun>();
  /** Job key → the sends it made (incident jobs only). */
  readonly jobSends = new Map<string, JobSend[]>();
  /** Sends whose idempotency key was accepted more than once. */
  duplicateSends = 0;
  /** Jobs of any name running on the job worker at once: now, and the most since `resetPeak`. */
  jobsInFlight = 0;
  jobsInFlightPeak = 0;
  private readonly seenKeys = new Set<string>();
  private readonly watchedJobs = new Set<string>();

  constructor(app: App) {
    const handle = app.pipeline.handle.bind(app.pipeline);
    app.pipeline.handle = async (event) => {
      const watched = this.events.get(event.eventId);
      if (watched) watched.handedAt = performance.now();
      const outcome = await handle(event);
      if (watched) {
        watched.handledAt = performance.now();
        watched.outcome = outcome;
      }
      return outcome;
    };

    const send = app.messenger.send.bind(app.messenger);
    app.messenger.send = async (message) => {
      await send(message);
      const at = performance.now();
      const key = message.idempotencyKey;
      if (this.seenKeys.has(key)) this.duplicateSends += 1;
      else this.seenKeys.add(key);
      const text = message.text ?? message.card?.title ?? "";
      const eventId = consoleEventOfReply(key);
      if (eventId !== undefined) {
        // A form offered for platforms with forms never reaches a console person: not a reply here.
        if (message.formOnly) return;
        this.events.get(eventId)?.replies.push({ at, chatId: message.chatId, text });
        return;
      }
      const job = JOB_SEND.exec(key);
      if (!job) return;
      const jobKey = job[1] as string;
      const number = message.card?.fields.find((f) => f.label === "编号")?.value;
      const sends = this.jobSends.get(jobKey) ?? [];
      sends.push({ at, chatId: message.chatId, key, title: text, ...(number ? { number } : {}) });
      this.jobSends.set(jobKey, sends);
    };

    const scheduler = app.services.scheduler;
    const schedule = scheduler.schedule.bind(scheduler);
    scheduler.schedule = async (key, at, job) => {
      await schedule(key, at, job);
      if (ALERT_KEY.test(key) && !this.alertScheduledAt.has(key))
        this.alertScheduledAt.set(key, performance.now());
    };

    const run = app.jobs.run.bind(app.jobs);
    const counted = async (
      services: Parameters<typeof run>[0],
      key: string,
      job: Parameters<typeof run>[2],
    ) => {
      this.jobsInFlight += 1;
      this.jobsInFlightPeak = Math.max(this.jobsInFlightPeak, this.jobsInFlight);
      try {
        await run(services, key, job);
      } finally {
        this.jobsInFlight -= 1;
      }
    };
    app.jobs.run = async (services, key, job) => {
      if (!this.watchedJobs.has(job.name)) return counted(services, key, job);
      const startedAt = performance.now();
      const startedWall = wallNow();
      const previous = this.jobs.get(key);
      const record: JobRun = previous ?? { name: job.name, startedAt, startedWall, runs: 0 };
      record.runs += 1;
      this.jobs.set(key, record);
      try {
        await counted(services, key, job);
        record.endedAt = performance.now();
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
        throw error;
      }
    };
  }

  /** Starts watching an inbound event id (call before handing the event in). */
  watch(eventId: string): WatchedEvent {
    const watched: WatchedEvent = { replies: [] };
    this.events.set(eventId, watched);
    return watched;
  }

  forget(eventId: string): void {
    this.events.delete(eventId);
  }

  resetPeak(): void {
    this.jobsInFlightPeak = this.jobsInFlight;
  }

  /** Records the runs of jobs with this name (e.g. `incident.alert`). */
  watchJobs(name: string): void {
    this.watchedJobs.add(name);
  }
}
