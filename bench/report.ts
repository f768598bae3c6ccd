/** The result file's shape, the issue's targets checked against it, and the summary printed at the end. */
import type { BareFigures, DialogFigures } from "./figures.ts";
import type { MachineInfo } from "./machine.ts";

/** The issue's targets, measured on PGlite. */
export const TARGETS = { stepsPerSecond: 500, p99Ms: 50, maxRatioToBareMinimum: 3 } as const;

export interface OpenLoopDialogFigures extends DialogFigures {
  offeredRatePerSecond: number;
  waitedForActor: number;
  offered: number;
  gaveUpAfterMs?: number;
}

export interface TargetCheck {
  target: string;
  measured: number;
  met: boolean;
  how: string;
}

export interface Targets {
  /** The targets are set for PGlite; on PostgreSQL they are shown for comparison only. */
  appliesTo: "pglite";
  database: "pglite" | "postgres";
  stepsPerSecond: TargetCheck;
  p99Ms: TargetCheck;
  ratioToBareMinimum: TargetCheck;
  allMet: boolean;
  /** Other processes took more than DISTURBED_CORES during a measured phase: repeat before trusting a verdict. */
  disturbed: boolean;
}

export interface BenchResult {
  timestamp: string;
  benchSeconds: number;
  machine: MachineInfo;
  database: { kind: "pglite" | "postgres"; where: string };
  redis: { source: string; version: string };
  settings: { chats: number; people: number; concurrency: number; openLoopRatePerSecond: number } & Record<
    string,
    unknown
  >;
  dialog: {
    closedLoop: DialogFigures;
    openLoop: OpenLoopDialogFigures;
    /** Only when the closed loop stayed below the target rate: the latency at half its capacity. */
    openLoopAtHalfCapacity?: OpenLoopDialogFigures;
  };
  bareMinimum: { closedLoop: BareFigures; openLoop: BareFigures };
  ratio: {
    throughputBareOverDialog: number;
    p50DialogOverBare: number;
    p99DialogOverBare: number;
    cpuPerMessageDialogOverBare: number;
  };
  memory: { peakRssMiB: number; rssBeforeLoadMiB: number; lifetimePeakRssMiB: number };
  /** CPU other processes took during each measured phase, in cores (see PhaseResources). */
  otherLoadCores: Record<string, number | null>;
  checks: { ok: boolean; redisKeysRemoved?: number; redisKeysLeft?: number } & Record<string, unknown>;
  cpuProfile?: string;
  targets: Targets;
}

export function evaluateTargets(result: Omit<BenchResult, "targets" | "benchSeconds">): Targets {
  const { closedLoop, openLoop } = result.dialog;
  const keptUp =
    openLoop.gaveUpAfterMs === undefined &&
    openLoop.stepsPerSecondIncludingDelivery >= 0.98 * openLoop.offeredRatePerSecond;
  const stepsPerSecond: TargetCheck = {
    target: `≥ ${TARGETS.stepsPerSecond} dialog steps/s`,
    measured: closedLoop.stepsPerSecondIncludingDelivery,
    met: closedLoop.stepsPerSecondIncludingDelivery >= TARGETS.stepsPerSecond,
    how: `closed loop, ${result.settings.concurrency} conversations at once, counting the time to deliver the replies`,
  };
  const p99Ms: TargetCheck = {
    target: `p99 ≤ ${TARGETS.p99Ms} ms at ${openLoop.offeredRatePerSecond} steps/s`,
    measured: openLoop.latency.reply.p99Ms,
    met: keptUp && openLoop.latency.reply.p99Ms <= TARGETS.p99Ms,
    how: keptUp
      ? "open loop at the target rate; pipeline handoff → first reply accepted by the Messenger"
      : `open loop at the target rate did not keep up (${openLoop.stepsPerSecondIncludingDelivery} steps/s handled and delivered${
          openLoop.gaveUpAfterMs === undefined ? "" : `, arrivals stopped after ${openLoop.gaveUpAfterMs} ms`
        })`,
  };
  const ratio = result.ratio.throughputBareOverDialog;
  const ratioToBareMinimum: TargetCheck = {
    target: `within ${TARGETS.maxRatioToBareMinimum}× of the bare minimum`,
    measured: ratio,
    met: ratio <= TARGETS.maxRatioToBareMinimum,
    how: "bare-minimum ops/s ÷ dialog steps/s, both closed loop at the same concurrency",
  };
  return {
    appliesTo: "pglite",
    database: result.database.kind,
    stepsPerSecond,
    p99Ms,
    ratioToBareMinimum,
    allMet: result.checks.ok && stepsPerSecond.met && p99Ms.met && ratioToBareMinimum.met,
    disturbed: Object.values(result.otherLoadCores).some((cores) => (cores ?? 0) > DISTURBED_CORES),
  };
}

export function printSummary(r: BenchResult, file: string): void {
  const c = r.dialog.closedLoop;
  const o = r.dialog.openLoop;
  const bc = r.bareMinimum.closedLoop;
  const bo = r.bareMinimum.openLoop;
  const mark = (check: TargetCheck) => (check.met ? "met" : "NOT met");
  const lat = (s: { p50Ms: number; p99Ms: number; maxMs: number }) =>
    `p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms`;
  const lines = [
    "",
    `快报 bench — ${r.timestamp}, ${r.benchSeconds} s`,
    `  machine   ${r.machine.cores} cores (${r.machine.cpuModel}), node ${r.machine.node}, commit ${r.machine.gitCommit}${r.machine.gitDirty ? " (dirty)" : ""}`,
    `  stores    ${r.database.kind} (${r.database.where}), redis ${r.redis.version} (${r.redis.source})`,
    `  load      ${r.settings.people} people in ${r.settings.chats} chats, 登记 dialog; ${r.settings.concurrency} conversations at once (closed loop), ${o.offeredRatePerSecond}/s offered (open loop)`,
    "",
    `  dialog, closed loop   ${c.stepsPerSecond} steps/s (${c.stepsPerSecondIncludingDelivery}/s counting delivery), reply ${lat(c.latency.reply)}`,
    `                        ${c.cpuMsPerStep} ms CPU/step here (at most ${c.cpuBoundStepsPerSecond} steps/s on one core) + ${c.redisCpuMsPerStep} ms in Redis; delivered p99 ${c.latency.delivered.p99Ms} ms`,
    `  dialog, open loop     ${o.stepsPerSecond} steps/s of ${o.offeredRatePerSecond} offered (${o.stepsPerSecondIncludingDelivery}/s counting delivery), reply ${lat(o.latency.reply)}` +
      (o.latency.replyFromDue ? `; from due p99 ${o.latency.replyFromDue.p99Ms} ms` : "") +
      (o.gaveUpAfterMs === undefined ? "" : `; GAVE UP after ${o.gaveUpAfterMs} ms (backlog)`),
    `                        ${o.cpuMsPerStep} ms CPU/step; outbound backlog ${o.outboundBacklogAtEnd}, drained in ${o.drainMs} ms; delivered p50 ${o.latency.delivered.p50Ms} ms, p99 ${o.latency.delivered.p99Ms} ms`,
    ...(r.dialog.openLoopAtHalfCapacity
      ? [
          `  dialog, open, half    ${r.dialog.openLoopAtHalfCapacity.stepsPerSecond} steps/s of ${r.dialog.openLoopAtHalfCapacity.offeredRatePerSecond} offered (half the closed-loop capacity), reply ${lat(r.dialog.openLoopAtHalfCapacity.latency.reply)}`,
        ]
      : []),
    `  bare min, closed      ${bc.opsPerSecond} ops/s, ${lat(bc.latency)}; ${bc.cpuMsPerOp} ms CPU/op (at most ${bc.cpuBoundOpsPerSecond}/s on one core)`,
    `  bare min, open        ${bo.opsPerSecond} ops/s of ${o.offeredRatePerSecond} offered, ${lat(bo.latency)}`,
    `  ratio                 bare/dialog throughput ${r.ratio.throughputBareOverDialog}×, CPU per message ${r.ratio.cpuPerMessageDialogOverBare}×`,
    `  memory                peak RSS ${r.memory.peakRssMiB} MiB under load (${r.memory.rssBeforeLoadMiB} MiB before it, process lifetime ${r.memory.lifetimePeakRssMiB} MiB)`,
    disturbance(r),
    `  checks                ${r.checks.ok ? "ok" : "FAILED"} (replies delivered ${r.checks.botMessagesDelivered}/${r.checks.repliesAccepted}, profiles ${r.checks.profilesSaved}, redis keys left ${r.checks.redisKeysLeft})`,
    "",
    `  targets (${r.targets.database === "pglite" ? "PGlite" : "set for PGlite; PostgreSQL shown for comparison"}):`,
    `    ${r.targets.stepsPerSecond.target}: ${r.targets.stepsPerSecond.measured} — ${mark(r.targets.stepsPerSecond)}`,
    `    ${r.targets.p99Ms.target}: ${r.targets.p99Ms.measured} ms — ${mark(r.targets.p99Ms)}${r.targets.p99Ms.met ? "" : ` (${r.targets.p99Ms.how})`}`,
    `    ${r.targets.ratioToBareMinimum.target}: ${r.targets.ratioToBareMinimum.measured}× — ${mark(r.targets.ratioToBareMinimum)}`,
    `  written to ${file}`,
    "",
  ];
  process.stdout.write(lines.join("\n"));
}

/** Above this many cores used by other processes during a phase, the figures are not trustworthy. */
export const DISTURBED_CORES = 0.25;

function disturbance(r: BenchResult): string {
  const worst = Math.max(...Object.values(r.otherLoadCores).map((v) => v ?? 0));
  const loads = Object.entries(r.otherLoadCores)
    .map(([phase, cores]) => `${phase} ${cores ?? "?"}`)
    .join(", ");
  return worst > DISTURBED_CORES
    ? `  other load            DISTURBED: other processes used up to ${worst} cores meanwhile (${loads}); rerun on a quiet machine`
    : `  other load            quiet (other processes ≤ ${worst} cores)`;
}
