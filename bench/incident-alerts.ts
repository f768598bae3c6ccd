/**
 * 首报 under load: simulated reporters file incidents through the console adapter's inbound path
 * (`app.inbox.say`), the way people do: `上报 <a paragraph>` (the bot shows what it understood and
 * asks the grade), the grade, then `确认` on the summary card. Reports start at a fixed rate (open
 * loop) and each one's `确认` is due `leadMs` after its start, so `确认` messages arrive at that same
 * rate whatever the system does, on top of the two messages that prepare each report.
 *
 * Per incident the alert latency runs from the moment `确认` is handed to the pipeline until the alert
 * card's Messenger.send to the leaders' group resolves (the alert is on the send queue). The
 * incident is found by the number in the receipt (`已上报，编号 2026-0042`) and in the alert card's
 * 编号 field; the alert job's sends carry the key `incident-<id>-alert-<n>`.
 */
import { performance } from "node:perf_hooks";
import type { App } from "../src/app/create-app.ts";
import { INCIDENT_JOBS } from "../src/handlers/incident/incident-schedule.ts";
import { incidentMessages } from "../src/handlers/incident/messages.ts";
import type { IncidentProbe, JobSend } from "./incident-probe.ts";
import { round, Samples } from "./stats.ts";
import type { BenchPerson } from "./synthetic-office.ts";

const RECEIPT = /已上报，编号 (\d{4}-\d{4,})/;

/**
 * A paragraph a township clerk might write in the unit's group, to the bot: every required element
 * is in it, the grade is not, and no casualties suggest one (so the grade is asked).
 */
function paragraph(n: number): string {
  return `@快报助手 上报 半小时前，压测镇${n}号村村道发生一起两车相撞事故，无人员伤亡，镇长已带队赶赴现场，交警已封闭路段。现场负责人钱镇长1380000${String(n % 10000).padStart(4, "0")}。`;
}

export interface FiledReport {
  confirmEventId: string;
  /** performance.now() when 确认 was due (open loop). */
  confirmDueAt: number;
  /** 确认 was sent after its due time because preparing the report took longer than the lead. */
  confirmLate: boolean;
  confirmHandedAt?: number;
  receiptAt?: number;
  number?: string;
}

/** What one phase of reports saw. */
export class ReportRecorder {
  readonly reports: FiledReport[] = [];
  /** pipeline.handle() called → resolved, per message of the dialog. */
  readonly handled = { paragraph: new Samples(), grade: new Samples(), confirm: new Samples() };
  started = 0;
  failed = 0;
  unexpected = 0;
  examples: string[] = [];

  note(problem: string): void {
    if (this.examples.length < 5) this.examples.push(problem);
  }
}

export class ReportDriver {
  private sequence = 0;
  recorder = new ReportRecorder();

  constructor(
    private readonly app: App,
    private readonly probe: IncidentProbe,
    private readonly people: BenchPerson[],
    private readonly runId: string,
    private readonly leadMs: number,
  ) {
    probe.watchJobs(INCIDENT_JOBS.alert);
  }

  /** Sends one line for a person and returns what the bot answered (texts or card titles). */
  private async say(person: BenchPerson, text: string, eventId: string, handled: Samples): Promise<string[]> {
    const watched = this.probe.watch(eventId);
    try {
      await this.app.inbox.say(person.chatId, person.id, text, eventId);
      if (watched.outcome !== "handled") throw new Error(`outcome ${watched.outcome}`);
      if (watched.handedAt !== undefined && watched.handledAt !== undefined)
        handled.add(watched.handledAt - watched.handedAt);
      return watched.replies.map((r) => r.text);
    } finally {
      this.probe.forget(eventId);
    }
  }

  /** Person `index` files one 首报: starts at once, confirms at `startDueAt + leadMs`. */
  async report(index: number, startDueAt: number): Promise<void> {
    const person = this.people[index] as BenchPerson;
    const n = ++this.sequence;
    const rec = this.recorder;
    rec.started += 1;
    const id = `${this.runId}-${n}`;
    const confirmDueAt = startDueAt + this.leadMs;
    try {
      const understood = await this.say(person, paragraph(n), `${id}-a`, rec.handled.paragraph);
      if (understood[0] !== incidentMessages.understood || !understood[1]?.startsWith("事件等级")) {
        rec.unexpected += 1;
        rec.note(`to 上报 the bot said ${JSON.stringify(understood)}`);
        return;
      }
      const summary = await this.say(person, String(1 + (n % 4)), `${id}-b`, rec.handled.grade);
      if (!summary[0]?.startsWith("请核对")) {
        rec.unexpected += 1;
        rec.note(`to the grade the bot said ${JSON.stringify(summary)}`);
        return;
      }
      const wait = confirmDueAt - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const report: FiledReport = {
        confirmEventId: `${id}-c`,
        confirmDueAt,
        confirmLate: wait <= 0,
      };
      rec.reports.push(report);
      const watched = this.probe.watch(report.confirmEventId);
      try {
        await this.app.inbox.say(person.chatId, person.id, "确认", report.confirmEventId);
      } finally {
        this.probe.forget(report.confirmEventId);
      }
      report.confirmHandedAt = watched.handedAt;
      if (watched.handedAt !== undefined && watched.handledAt !== undefined)
        rec.handled.confirm.add(watched.handledAt - watched.handedAt);
      const receipt = watched.replies.find((r) => RECEIPT.test(r.text));
      report.number = receipt ? RECEIPT.exec(receipt.text)?.[1] : undefined;
      report.receiptAt = receipt?.at;
      if (!report.number) {
        rec.unexpected += 1;
        rec.note(`to 确认 the bot said ${JSON.stringify(watched.replies.map((r) => r.text))}`);
      }
    } catch (error) {
      rec.failed += 1;
      rec.note(`say threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  reset(): ReportRecorder {
    const old = this.recorder;
    this.recorder = new ReportRecorder();
    return old;
  }
}

/** The alert sends of each incident, by incident number (from the alert card's 编号 field). */
export function alertsByNumber(probe: IncidentProbe): Map<string, { jobKey: string; sends: JobSend[] }> {
  const byNumber = new Map<string, { jobKey: string; sends: JobSend[] }>();
  for (const [jobKey, sends] of probe.jobSends) {
    if (!jobKey.endsWith("-alert")) continue;
    const number = sends.find((s) => s.number)?.number;
    if (number) byNumber.set(number, { jobKey, sends });
  }
  return byNumber;
}

/** Waits until every filed report's alert reached all `alertChats`, or `timeoutMs` passed. */
export async function waitForAlerts(
  probe: IncidentProbe,
  reports: FiledReport[],
  alertChats: number,
  timeoutMs: number,
): Promise<{ waitedMs: number; complete: boolean }> {
  const t0 = performance.now();
  const numbers = reports.flatMap((r) => (r.number ? [r.number] : []));
  for (;;) {
    const alerts = alertsByNumber(probe);
    const complete = numbers.every((n) => (alerts.get(n)?.sends.length ?? 0) >= alertChats);
    const waitedMs = performance.now() - t0;
    if (complete || waitedMs > timeoutMs) return { waitedMs, complete };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Latencies and counts of a phase, once its alerts are in. */
export function alertFigures(
  rec: ReportRecorder,
  probe: IncidentProbe,
  chats: { leaders: string; duty: string },
) {
  const alerts = alertsByNumber(probe);
  const toLeaders = new Samples();
  const toAllAlertChats = new Samples();
  const fromDue = new Samples();
  const receipt = new Samples();
  const scheduled = new Samples();
  const queued = new Samples();
  const jobToLeaders = new Samples();
  const jobDuration = new Samples();
  let alerted = 0;
  let missing = 0;
  let extra = 0;
  let jobRanTwice = 0;
  const missingExamples: string[] = [];
  for (const report of rec.reports) {
    if (!report.number || report.confirmHandedAt === undefined) continue;
    const handed = report.confirmHandedAt;
    if (report.receiptAt !== undefined) receipt.add(report.receiptAt - handed);
    const alert = alerts.get(report.number);
    const leaders = alert?.sends.filter((s) => s.chatId === chats.leaders) ?? [];
    const duty = alert?.sends.filter((s) => s.chatId === chats.duty) ?? [];
    if (!alert || leaders.length === 0 || duty.length === 0) {
      missing += 1;
      if (missingExamples.length < 5) missingExamples.push(report.number);
      continue;
    }
    alerted += 1;
    if (leaders.length > 1 || duty.length > 1) extra += 1;
    const leadersAt = (leaders[0] as JobSend).at;
    toLeaders.add(leadersAt - handed);
    toAllAlertChats.add(Math.max(...alert.sends.map((s) => s.at)) - handed);
    fromDue.add(leadersAt - report.confirmDueAt);
    const scheduledAt = probe.alertScheduledAt.get(alert.jobKey);
    const job = probe.jobs.get(alert.jobKey);
    if (job && job.runs > 1) jobRanTwice += 1;
    if (scheduledAt !== undefined && job) {
      scheduled.add(scheduledAt - handed);
      queued.add(job.startedAt - scheduledAt);
      jobToLeaders.add(leadersAt - job.startedAt);
      if (job.endedAt !== undefined) jobDuration.add(job.endedAt - job.startedAt);
    }
  }
  const confirmed = rec.reports.filter((r) => r.number).length;
  const handedTimes = rec.reports.flatMap((r) =>
    r.confirmHandedAt === undefined ? [] : [r.confirmHandedAt],
  );
  const dueToHanded = new Samples();
  for (const r of rec.reports)
    if (r.confirmHandedAt !== undefined) dueToHanded.add(r.confirmHandedAt - r.confirmDueAt);
  const span = (Math.max(...handedTimes) - Math.min(...handedTimes)) / 1000;
  return {
    reportsStarted: rec.started,
    confirmsSent: rec.reports.length,
    /** 确认 handed to the pipeline per second, from the first to the last. */
    confirmsPerSecond: handedTimes.length > 1 ? round((handedTimes.length - 1) / span, 1) : 0,
    confirmsLate: rec.reports.filter((r) => r.confirmLate).length,
    incidentsFiled: confirmed,
    alerted,
    alertsMissing: missing,
    ...(missingExamples.length > 0 ? { missingExamples } : {}),
    incidentsWithMoreThanOneAlert: extra,
    alertJobsRunTwice: jobRanTwice,
    /** The most jobs the job worker ran at once, and the alerts a second that allows at the mean job duration. */
    jobsInFlightPeak: probe.jobsInFlightPeak,
    alertJobsPerSecondAtMost:
      jobDuration.count > 0 ? round((probe.jobsInFlightPeak / jobDuration.summary().meanMs) * 1000, 1) : 0,
    latency: {
      /** 确认 handed to the pipeline → the alert card's Messenger.send to the leaders' group resolved. */
      confirmToLeadersAlert: toLeaders.summary(),
      /** … → the last alert send (leaders' and duty groups) resolved. */
      confirmToAllAlerts: toAllAlertChats.summary(),
      /** From when 确认 was due (open loop) → leaders' alert. */
      dueToLeadersAlert: fromDue.summary(),
      /** 确认 handed → the receipt (已上报，编号 …) accepted by the Messenger. */
      confirmToReceipt: receipt.summary(),
      /** When 确认 was due → when it was handed to the pipeline (the inbound side falling behind). */
      confirmDueToHanded: dueToHanded.summary(),
      /** pipeline.handle() per message of the dialog: 上报 <paragraph>, the grade, 确认. */
      handled: {
        paragraph: rec.handled.paragraph.summary(),
        grade: rec.handled.grade.summary(),
        confirm: rec.handled.confirm.summary(),
      },
      breakdown: {
        /** 确认 handed → the alert job on the Scheduler (incident filed, Scheduler.schedule resolved). */
        confirmToAlertScheduled: scheduled.summary(),
        /** Alert job scheduled → the job worker started it (BullMQ queueing). */
        scheduledToJobStart: queued.summary(),
        /** Job started → its send to the leaders' group accepted. */
        jobStartToLeadersAlert: jobToLeaders.summary(),
        /**
         * The alert job from start to end (both sends, the incident marked alerted, the timeline). The
         * job worker runs a few at a time, so this bounds how many alerts a second it can send.
         */
        alertJobDuration: jobDuration.summary(),
      },
    },
    errors: { failed: rec.failed, unexpectedReply: rec.unexpected, examples: rec.examples },
  };
}
