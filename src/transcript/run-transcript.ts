/**
 * Runs one transcript against the real application: its database code on a fresh database, the
 * real dialog engine and handlers, the console adapter, the real send queue on Redis; only time
 * (clock and scheduler) is virtual.
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Logger } from "pino";
import { createApp } from "../app/create-app.ts";
import type { ConsoleMessageDto } from "../bot/adapters/console/console-message.ts";
import { parseDuration } from "../config/duration.ts";
import { loadOfficeConfig } from "../config/load.ts";
import type { Database } from "../store/database.ts";
import { matchesFragment, matchingText } from "./matching.ts";
import { parseTranscript, type TranscriptStep, TranscriptSyntaxError } from "./transcript-lines.ts";
import { nextWallClock, parseDateTime } from "./transcript-time.ts";
import { VirtualClock } from "./virtual-clock.ts";
import { VirtualScheduler } from "./virtual-scheduler.ts";

export interface TranscriptFailure {
  line: number;
  expectation: string;
  /** The bot messages that were there instead (matching text of each). */
  instead: string[];
  message?: string;
}

export interface TranscriptResult {
  file: string;
  passed: boolean;
  failures: TranscriptFailure[];
}

export interface TranscriptEnvironment {
  /** A fresh database for each transcript. */
  openDatabase(): Promise<Database>;
  redisUrl: string;
  /** A queue prefix no other run uses. */
  queuePrefix(): string;
  /** Removes the run's keys afterwards. */
  cleanup?(prefix: string): Promise<void>;
  log: Logger;
  /** Where the default config lives (the project root). */
  root: string;
}

class StepFailure extends Error {}

export async function runTranscript(file: string, env: TranscriptEnvironment): Promise<TranscriptResult> {
  const failures: TranscriptFailure[] = [];
  let steps: TranscriptStep[];
  try {
    steps = parseTranscript(await readFile(file, "utf8"));
  } catch (error) {
    const line = error instanceof TranscriptSyntaxError ? error.line : 0;
    return {
      file,
      passed: false,
      failures: [{ line, expectation: "", instead: [], message: String((error as Error).message) }],
    };
  }
  const base = dirname(file);
  const setupPath = (kind: "org" | "policy" | "schedules" | "roster") => {
    const step = steps.find((s) => s.kind === kind);
    return step && "path" in step ? resolve(base, step.path) : undefined;
  };
  // Schedules and the roster are opt-in (`@schedules`, `@roster`), so a transcript sees only the
  // daily reminders it asks for.
  const config = await loadOfficeConfig(
    setupPath("org") ?? resolve(env.root, "config/org.yaml"),
    setupPath("policy") ?? resolve(env.root, "config/policy.yaml"),
    { schedulesFile: setupPath("schedules"), rosterFile: setupPath("roster") },
  );
  const timeZone = config.policy.timezone;

  const clock = new VirtualClock(new Date());
  const scheduler = new VirtualScheduler(clock);
  const database = await env.openDatabase();
  const prefix = env.queuePrefix();
  const app = await createApp({
    config,
    prisma: database.prisma,
    redisUrl: env.redisUrl,
    log: env.log,
    queuePrefix: prefix,
    clock,
    scheduler,
    recurring: scheduler,
    sharedDatabase: false,
  });
  const cursors = new Map<string, number>();
  let actionWatermark = 0;
  let started = false;

  const botMessages = async (chatRef: string, after: number): Promise<ConsoleMessageDto[]> => {
    const chat = app.services.directory.chat(chatRef);
    if (!chat) throw new StepFailure(`没有这个会话：${chatRef}`);
    return (await app.history.list(chat.id, after, 10_000)).filter((m) => m.sender === null);
  };
  const latestId = async () =>
    (await app.services.database.consoleMessage.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const runJobs = (until: Date) =>
    scheduler.advance(
      until,
      (key, job) => app.jobs.run(app.services, key, job),
      () => app.idle(),
    );

  try {
    for (const step of steps) {
      try {
        switch (step.kind) {
          case "org":
          case "policy":
          case "schedules":
          case "roster":
            if (started) throw new StepFailure(`@${step.kind} 只能写在第一步之前`);
            break;
          case "now": {
            const at = parseDateTime(step.at, timeZone);
            if (!at) throw new StepFailure(`时间格式不对：${step.at}`);
            if (started && at < clock.now()) throw new StepFailure("开始之后 @now 只能往后拨");
            if (started) await runJobs(at);
            else clock.set(at);
            actionWatermark = await latestId();
            break;
          }
          case "wait":
          case "waitUntil": {
            const target =
              step.kind === "wait"
                ? (() => {
                    const ms = parseDuration(step.duration);
                    return ms === null ? null : new Date(clock.now().getTime() + ms);
                  })()
                : nextWallClock(step.target, clock.now(), timeZone);
            if (!target)
              throw new StepFailure(
                `等待时间格式不对：${step.kind === "wait" ? step.duration : step.target}`,
              );
            started = true;
            actionWatermark = await latestId();
            await runJobs(target);
            break;
          }
          case "say":
            started = true;
            actionWatermark = await latestId();
            await app.inbox.say(
              step.chat,
              step.person,
              step.text.replace(/@bot\b/gi, `@${app.services.directory.botName}`),
            );
            await app.idle();
            await runJobs(clock.now());
            break;
          case "click": {
            started = true;
            const candidates = (await botMessages(step.chat, 0)).reverse();
            const target = candidates.find((m) =>
              m.card?.buttons.some((b) => sameLabel(b.label, step.label)),
            );
            const button = target?.card?.buttons.find((b) => sameLabel(b.label, step.label));
            if (!target || !button)
              throw new StepFailure(`「${step.chat}」里没有带「${step.label}」按钮的消息`);
            actionWatermark = await latestId();
            await app.inbox.press(step.chat, step.person, target.id, button.action);
            await app.idle();
            await runJobs(clock.now());
            break;
          }
          case "expect": {
            const cursor = cursors.get(step.chat) ?? 0;
            const messages = await botMessages(step.chat, cursor);
            const found = messages.find(
              (m) =>
                step.fragments.every((f) => matchesFragment(matchingText(m), f)) &&
                (!step.urgent || m.urgent),
            );
            if (found) cursors.set(step.chat, found.id);
            else
              failures.push({ line: step.line, expectation: step.source, instead: messages.map(describe) });
            break;
          }
          case "expectNot": {
            const messages = await botMessages(step.chat, actionWatermark);
            const offending = messages.filter((m) => matchesFragment(matchingText(m), step.fragment));
            if (offending.length > 0)
              failures.push({ line: step.line, expectation: step.source, instead: offending.map(describe) });
            break;
          }
        }
      } catch (error) {
        failures.push({
          line: step.line,
          expectation: "source" in step ? step.source : step.kind,
          instead: [],
          message: error instanceof Error ? error.message : String(error),
        });
        if (!(error instanceof StepFailure)) break;
      }
    }
  } finally {
    await app.close();
    await database.close();
    await env.cleanup?.(prefix);
  }
  return { file, passed: failures.length === 0, failures };
}

function sameLabel(label: string, wanted: string): boolean {
  return label === wanted || label.replace(/^\d+\.\s*/, "") === wanted;
}

function describe(message: ConsoleMessageDto): string {
  return `${message.urgent ? "[加急] " : ""}${matchingText(message).replace(/\n/g, " ⏎ ")}`;
}
