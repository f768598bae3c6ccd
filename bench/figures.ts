/** The figures of one phase, computed from what its recorder and load generator saw. */
import type { BareMinimum } from "./bare-minimum.ts";
import type { DialogRecorder } from "./dialog-driver.ts";
import type { LoadOutcome } from "./load.ts";
import type { PhaseResources } from "./resources.ts";
import { round } from "./stats.ts";

export type DialogFigures = ReturnType<typeof dialogFigures>;
export type BareFigures = ReturnType<typeof bareFigures>;

export function dialogFigures(
  rec: DialogRecorder,
  load: LoadOutcome,
  resources: PhaseResources,
  drain: { outboundBacklogAtEnd: number; drainMs: number },
) {
  const seconds = load.elapsedMs / 1000;
  return {
    seconds: round(seconds, 1),
    steps: rec.steps,
    stepsPerSecond: round(rec.steps / seconds, 0),
    /** Counting the time the send queue needed afterwards to deliver what the phase queued. */
    stepsPerSecondIncludingDelivery: round(rec.steps / (seconds + drain.drainMs / 1000), 0),
    roundsCompleted: rec.roundsCompleted,
    repliesPerStep: round(rec.replies / Math.max(1, rec.steps)),
    latency: {
      reply: rec.reply.summary(),
      ...(rec.fromDue.count > 0 ? { replyFromDue: rec.fromDue.summary() } : {}),
      /** Counted after the send queue was drained, so every reply of the phase is in. */
      delivered: rec.delivered.summary(),
      handled: rec.handled.summary(),
      say: rec.say.summary(),
    },
    /** CPU of the phase and of delivering what it queued, per step. */
    cpuMsPerStep: round(resources.processCpuMs / Math.max(1, rec.steps), 3),
    /**
     * 1000 / cpuMsPerStep: the steps/s this process could reach with one core to itself. Node, Prisma
     * and PGlite all run on its main thread, so this bound holds however many cores there are; it is
     * also less disturbed by other load on the machine than the measured rate.
     */
    cpuBoundStepsPerSecond: round(1000 / Math.max(0.001, resources.processCpuMs / Math.max(1, rec.steps)), 0),
    redisCpuMsPerStep: round(resources.redisCpuMs / Math.max(1, rec.steps), 3),
    ...drain,
    resources,
    errors: {
      failed: rec.failed,
      noReply: rec.noReply,
      unexpectedReply: rec.unexpected,
      examples: rec.examples,
    },
  };
}

export function bareFigures(bare: BareMinimum, load: LoadOutcome, resources: PhaseResources) {
  const seconds = load.elapsedMs / 1000;
  return {
    seconds: round(seconds, 1),
    ops: bare.ops,
    opsPerSecond: round(bare.ops / seconds, 0),
    latency: bare.latency.summary(),
    ...(bare.fromDue.count > 0 ? { latencyFromDue: bare.fromDue.summary() } : {}),
    cpuMsPerOp: round(resources.processCpuMs / Math.max(1, bare.ops), 3),
    cpuBoundOpsPerSecond: round(1000 / Math.max(0.001, resources.processCpuMs / Math.max(1, bare.ops)), 0),
    redisCpuMsPerOp: round(resources.redisCpuMs / Math.max(1, bare.ops), 3),
    ...(load.gaveUpAfterMs === undefined ? {} : { gaveUpAfterMs: round(load.gaveUpAfterMs, 0) }),
    resources,
    failed: bare.failed,
  };
}
