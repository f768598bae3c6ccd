/**
 * Two ways of offering load. Closed loop: `concurrency` actors, each sending its next message as
 * soon as the previous one is answered (the most the system does at that concurrency). Open loop:
 * messages arrive at a fixed rate whether or not the system keeps up, each taken by an idle actor;
 * its latency counts from when it was due, so falling behind shows up instead of being hidden.
 */
import { performance } from "node:perf_hooks";

export interface LoadOutcome {
  /** Operations completed. */
  ops: number;
  /** From the first operation's start to the last one's end. */
  elapsedMs: number;
  /** Open loop only: arrivals that found no idle actor at their due time and had to wait. */
  waitedForActor?: number;
  /** Open loop only: arrivals offered; fewer than planned when the run gave up (see `gaveUpAfterMs`). */
  offered?: number;
  /** Open loop only: when arrivals were stopped because the backlog passed its limit. */
  gaveUpAfterMs?: number;
}

/** Runs `op(slot)` over and over in `concurrency` parallel slots until `durationMs` has passed. */
export async function closedLoop(
  concurrency: number,
  durationMs: number,
  op: (slot: number) => Promise<void>,
): Promise<LoadOutcome> {
  const start = performance.now();
  const deadline = start + durationMs;
  let ops = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, slot) => {
      while (performance.now() < deadline) {
        await op(slot);
        ops += 1;
      }
    }),
  );
  return { ops, elapsedMs: performance.now() - start };
}

/**
 * Issues `ratePerSecond` operations per second for `durationMs`, each on an idle actor of `actors`
 * (first idle first); `op(actor, dueAt)` gets the time (performance.now()) the message was due.
 * When more than `maxBacklog` arrivals wait for an actor the system is not keeping up: arrivals
 * stop there (so the bench stays bounded) and the outcome says when.
 */
export async function openLoop(
  actors: number,
  ratePerSecond: number,
  durationMs: number,
  op: (actor: number, dueAt: number) => Promise<void>,
  maxBacklog = ratePerSecond,
): Promise<LoadOutcome> {
  const idle: number[] = Array.from({ length: actors }, (_, i) => i);
  const waiting: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / ratePerSecond;
  const total = Math.floor((durationMs / 1000) * ratePerSecond);
  const start = performance.now();
  let issued = 0;
  let ops = 0;
  let waitedForActor = 0;
  let gaveUpAfterMs: number | undefined;

  const launch = (actor: number, dueAt: number) => {
    const running: Promise<void> = op(actor, dueAt).then(() => {
      ops += 1;
      inFlight.delete(running);
      const next = waiting.shift();
      if (next === undefined) idle.push(actor);
      else launch(actor, next);
    });
    inFlight.add(running);
  };

  while (issued < total) {
    const now = performance.now();
    if (waiting.length > maxBacklog) {
      gaveUpAfterMs = now - start;
      break;
    }
    while (issued < total && start + issued * interval <= now) {
      const dueAt = start + issued * interval;
      issued += 1;
      const actor = idle.shift();
      if (actor === undefined) {
        waitedForActor += 1;
        waiting.push(dueAt);
      } else {
        launch(actor, dueAt);
      }
    }
    // Sleep until the next arrival is due (timers fire at 1 ms granularity at best).
    const nextDue = start + issued * interval;
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.floor(nextDue - performance.now()))));
  }
  while (inFlight.size > 0 || waiting.length > 0) await Promise.race(inFlight);
  return {
    ops,
    elapsedMs: performance.now() - start,
    waitedForActor,
    offered: issued,
    ...(gaveUpAfterMs === undefined ? {} : { gaveUpAfterMs }),
  };
}
