/**
 * What the platform transcript runners (Feishu, DingTalk, WeCom) share: virtual time started at the
 * transcript's first `now`, where the clock goes on a time step, and how `>`/`!>` expectations are
 * checked against the messages a fake platform received (in order per receiver for `>`, since the
 * last action for `!>`). Each runner keeps how a person's line or click reaches its platform.
 */
import { parseDuration } from "../../src/config/duration.ts";
import { matchesFragment } from "../../src/transcript/matching.ts";
import type { TranscriptStep } from "../../src/transcript/transcript-lines.ts";
import { nextWallClock, parseDateTime } from "../../src/transcript/transcript-time.ts";
import { VirtualClock } from "../../src/transcript/virtual-clock.ts";
import { VirtualScheduler } from "../../src/transcript/virtual-scheduler.ts";
import type { TestApp } from "./app.ts";

export interface TranscriptFailure {
  line: number;
  expectation: string;
  instead: string[];
}

type Step<K extends TranscriptStep["kind"]> = Extract<TranscriptStep, { kind: K }>;

/** A message the fake received, with its place in the fake's list. */
export interface Posted<M> {
  m: M;
  index: number;
}

/** A virtual clock set to the transcript's first `now` (else the real now), and its scheduler. */
export function virtualTime(steps: TranscriptStep[], timeZone: string) {
  const clock = new VirtualClock(new Date());
  const scheduler = new VirtualScheduler(clock);
  const start = steps.find((s) => s.kind === "now");
  if (start?.kind === "now") clock.set(parseDateTime(start.at, timeZone) as Date);
  return { clock, scheduler };
}

/** Where a time step moves the clock to; undefined when it stays (a `now` not after it). */
export function timeStepTarget(
  step: Step<"now" | "wait" | "waitUntil">,
  now: Date,
  timeZone: string,
): Date | undefined {
  if (step.kind === "now") {
    const at = parseDateTime(step.at, timeZone) as Date;
    return now < at ? at : undefined;
  }
  return step.kind === "wait"
    ? new Date(now.getTime() + (parseDuration(step.duration) as number))
    : (nextWallClock(step.target, now, timeZone) as Date);
}

/** Checks `>` and `!>` lines against what one fake received; failures are collected. */
export class ExpectationChecks<M> {
  readonly failures: TranscriptFailure[] = [];
  private readonly cursors = new Map<string, number>();

  constructor(
    private readonly view: {
      /** The messages to a receiver, from the fake's list index `from` on. */
      messagesTo(receiver: string, from: number): Posted<M>[];
      text(m: M): string;
      urgent(m: M): boolean;
      describe(m: M): string;
    },
  ) {}

  /** `>`: a message to the receiver after the one the last `>` there found, with every fragment. */
  expect(step: Step<"expect">, receiver: string): void {
    const { view } = this;
    const candidates = view.messagesTo(receiver, this.cursors.get(receiver) ?? 0);
    const found = candidates.find(
      ({ m }) =>
        step.fragments.every((f) => matchesFragment(view.text(m), f)) && (!step.urgent || view.urgent(m)),
    );
    if (found) this.cursors.set(receiver, found.index + 1);
    else
      this.failures.push({
        line: step.line,
        expectation: step.source,
        instead: candidates.map(({ m }) => view.describe(m)),
      });
  }

  /** `!>`: no message to the receiver since `watermark` with the fragment. */
  expectNot(step: Step<"expectNot">, receiver: string, watermark: number): void {
    const { view } = this;
    const offending = view
      .messagesTo(receiver, watermark)
      .filter(({ m }) => matchesFragment(view.text(m), step.fragment));
    if (offending.length > 0)
      this.failures.push({
        line: step.line,
        expectation: step.source,
        instead: offending.map(({ m }) => view.describe(m)),
      });
  }
}

/** A button's label as the transcript names it: with or without its list number ("1. 收到"). */
export function sameLabel(label: string, wanted: string): boolean {
  return label === wanted || label.replace(/^\d+\.\s*/, "") === wanted;
}

/** The messages of `messages` from index `from` on that `isFor` accepts, with their indexes. */
export function postedFrom<M>(messages: readonly M[], from: number, isFor: (m: M) => boolean): Posted<M>[] {
  return messages.map((m, index) => ({ m, index })).filter(({ m, index }) => index >= from && isFor(m));
}

/** The newest of `posted` with a button of that label, and the button. */
export function newestWithButton<M, B extends { label: string }>(
  posted: Posted<M>[],
  buttonsOf: (m: M) => B[],
  label: string,
): { m: M; button: B } | undefined {
  for (const { m } of [...posted].reverse()) {
    const button = buttonsOf(m).find((b) => sameLabel(b.label, label));
    if (button) return { m, button };
  }
  return undefined;
}

/** Runs the app's scheduled jobs up to `until` on the virtual scheduler, settling after each. */
export function jobRunner(
  app: { test: TestApp; settle(): Promise<void> },
  scheduler: VirtualScheduler,
): (until: Date) => Promise<void> {
  return (until) =>
    scheduler.advance(
      until,
      (key, job) => app.test.app.jobs.run(app.test.app.services, key, job),
      () => app.settle(),
    );
}
