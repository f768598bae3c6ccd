/**
 * `npm run bench`: the inbound 登记 dialog under load against the bare minimum a message could cost
 * (dialog-bench.ts), then 首报 → leaders' alert at 50 reports a second and the timers of 10,000 open
 * incidents on real BullMQ (incident-bench.ts), each part on its own fresh database, app and queue
 * prefix, against real Redis, the digest and statistics over a year of data (digest-bench.ts) and the
 * zero-report cut-off for 10,000 units (cutoff-bench.ts). Writes bench/results/latest.json and prints a
 * summary; the 督办 ledger and overdue sweep (supervision-bench.ts); the duty desk's board and its live
 * update (desk-bench.ts). Settings: bench/options.ts
 * (BENCH_ONLY=dialog|incident|alerts|timers|digest|cutoff|feishu|dingtalk|wecom|supervision|desk runs some parts). BENCH_PROFILE=1 also
 * writes a CPU profile of the closed-loop dialog phase next to the result.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { PartResult } from "./bench-app.ts";
import { cutoffBench } from "./cutoff-bench.ts";
import type { DeskPart } from "./desk-bench.ts";
import { dialogBench } from "./dialog-bench.ts";
import { digestBench } from "./digest-bench.ts";
import type { DingtalkPart } from "./dingtalk-fanout.ts";
import { openBenchRedis, removePgliteTemplate } from "./environment.ts";
import type { FeishuPart } from "./feishu-fanout.ts";
import { incidentBench } from "./incident-bench.ts";
import { type MachineInfo, machineInfo } from "./machine.ts";
import { lifetimePeakRssMiB } from "./memory.ts";
import { BENCH_PARTS, type BenchOptions, type BenchPartName, benchOptions } from "./options.ts";
import { mergePartResults, processGroups, runPartProcesses } from "./part-processes.ts";
import { type BenchResult, evaluateTargets, printSummary } from "./report.ts";
import { round } from "./stats.ts";
import type { SupervisionPart } from "./supervision-bench.ts";
import { syntheticOffice } from "./synthetic-office.ts";
import type { WecomPart } from "./wecom-fanout.ts";

const ROOT = resolve(import.meta.dirname, "..");
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<void> {
  const options = benchOptions(process.env);
  const only = options.BENCH_ONLY;
  const parts = BENCH_PARTS.filter((p) => only[p]);
  const benchStart = performance.now();
  const startedAt = new Date();
  const machine = machineInfo(ROOT);
  const out = resolve(
    ROOT,
    options.BENCH_OUT ??
      (only.all ? "bench/results/latest.json" : `bench/results/latest-${parts.join("-")}.json`),
  );
  const profileDir = process.env.BENCH_PROFILE_DIR ?? dirname(out);
  const groups = processGroups(parts);
  const partial =
    options.BENCH_ONE_PROCESS === "0" && options.BENCH_PART_PROCESS === "0" && groups.length > 1
      ? mergePartResults(
          await runPartProcesses(ROOT, groups, { ...process.env, BENCH_PROFILE_DIR: profileDir }, progress),
          { timestamp: startedAt.toISOString(), machine, parts: [...parts] },
        )
      : await runHere(options, parts, startedAt, machine, profileDir);
  const result: BenchResult = {
    ...partial,
    targets: evaluateTargets(partial),
    benchSeconds: round((performance.now() - benchStart) / 1000, 1),
  };
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  printSummary(result, relative(ROOT, out));
}

/** Runs the parts one after another in this process. */
async function runHere(
  options: BenchOptions,
  parts: readonly BenchPartName[],
  startedAt: Date,
  machine: MachineInfo,
  profileDir: string,
): Promise<Omit<BenchResult, "targets" | "benchSeconds">> {
  const only = options.BENCH_ONLY;
  const profileFile =
    process.env.BENCH_PROFILE && only.dialog ? join(profileDir, "dialog-closed.cpuprofile") : undefined;
  const runId = `bench-${startedAt.getTime().toString(36)}`;

  const office = await syntheticOffice(ROOT, options.BENCH_CHATS, options.BENCH_PEOPLE_PER_CHAT);
  const redis = await openBenchRedis(ROOT, options.REDIS_URL, (m) => progress(`redis: ${m}`));
  progress(`redis ${redis.url} (${redis.source}); parts: ${parts.join(", ")}`);
  let dialog: Awaited<ReturnType<typeof dialogBench>> | undefined;
  let incident: Awaited<ReturnType<typeof incidentBench>> | undefined;
  let digest: Awaited<ReturnType<typeof digestBench>> | undefined;
  let cutoff: Awaited<ReturnType<typeof cutoffBench>> | undefined;
  let feishu: FeishuPart | undefined;
  let dingtalk: DingtalkPart | undefined;
  let wecom: WecomPart | undefined;
  let supervision: PartResult<SupervisionPart> | undefined;
  let desk: PartResult<DeskPart> | undefined;
  try {
    if (only.dialog)
      dialog = await dialogBench({ options, office, redisUrl: redis.url, runId, profileFile, progress });
    if (only.alerts || only.timers)
      incident = await incidentBench({
        options,
        office,
        redisUrl: redis.url,
        runId,
        alerts: only.alerts,
        timers: only.timers,
        ...(process.env.BENCH_PROFILE ? { profileDir } : {}),
        progress,
      });
    if (only.digest) digest = await digestBench({ options, office, redisUrl: redis.url, progress });
    if (only.cutoff) cutoff = await cutoffBench({ root: ROOT, options, redisUrl: redis.url, progress });
    if (only.feishu)
      // The later parts (and their platforms' SDKs, playwright) are loaded when they run, so the
      // earlier parts measure a process without them.
      feishu = await (await import("./feishu-fanout.ts")).feishuBench({
        root: ROOT,
        options,
        redisUrl: redis.url,
        runId,
        progress,
      });
    if (only.dingtalk)
      dingtalk = await (await import("./dingtalk-fanout.ts")).dingtalkBench({
        root: ROOT,
        options,
        redisUrl: redis.url,
        runId,
        progress,
      });
    if (only.wecom)
      wecom = await (await import("./wecom-fanout.ts")).wecomBench({
        root: ROOT,
        options,
        redisUrl: redis.url,
        runId,
        progress,
      });
    if (only.supervision)
      supervision = await (await import("./supervision-bench.ts")).supervisionBench({
        options,
        office,
        redisUrl: redis.url,
        progress,
      });
    if (only.desk)
      desk = await (await import("./desk-bench.ts")).deskBench({
        options,
        office,
        redisUrl: redis.url,
        progress,
      });
  } finally {
    await redis.stop();
    removePgliteTemplate();
  }

  const d = dialog?.part;
  const i = incident?.part;
  const incidentResources = [
    digest?.part.resources,
    i?.alerts?.resources,
    i?.alerts?.atLowerRate?.resources,
    i?.timers?.sustained.fire.resources,
    i?.timers?.schedule.resources,
    i?.timers?.fire.resources,
    i?.timers?.sends.resources,
    supervision?.part.resources.ledger,
    supervision?.part.resources.sweep,
    desk?.part.resources.board,
    desk?.part.resources.update,
  ];
  const partial = {
    timestamp: startedAt.toISOString(),
    machine,
    parts: [...parts],
    database: (dialog ?? incident ?? digest ?? cutoff ?? supervision ?? desk)?.database ?? {
      kind: "pglite" as const,
      where: "none",
    },
    redis: { source: redis.source, version: redis.version },
    ...(d ? { settings: d.settings, dialog: d.dialog, bareMinimum: d.bareMinimum, ratio: d.ratio } : {}),
    ...(i ? { incident: i } : {}),
    ...(digest ? { digest: digest.part } : {}),
    ...(cutoff ? { cutoff: cutoff.part } : {}),
    ...(feishu ? { feishu } : {}),
    ...(dingtalk ? { dingtalk } : {}),
    ...(wecom ? { wecom } : {}),
    ...(supervision ? { supervision: supervision.part } : {}),
    ...(desk ? { desk: desk.part } : {}),
    memory: {
      peakRssMiB: Math.max(
        d?.peakRssMiB ?? 0,
        cutoff?.part.peakRssMiB ?? 0,
        feishu?.peakRssMiB ?? 0,
        dingtalk?.peakRssMiB ?? 0,
        wecom?.peakRssMiB ?? 0,
        ...incidentResources.map((r) => r?.peakRssMiB ?? 0),
      ),
      ...(d ? { rssBeforeLoadMiB: d.rssBeforeLoadMiB } : {}),
      lifetimePeakRssMiB: lifetimePeakRssMiB(),
    },
    otherLoadCores: {
      ...d?.otherLoadCores,
      ...(digest ? { digest: digest.part.resources.otherProcessesCores } : {}),
      ...(supervision
        ? {
            supervisionLedger: supervision.part.resources.ledger.otherProcessesCores,
            supervisionSweep: supervision.part.resources.sweep.otherProcessesCores,
          }
        : {}),
      ...(desk
        ? {
            deskBoard: desk.part.resources.board.otherProcessesCores,
            deskUpdate: desk.part.resources.update.otherProcessesCores,
          }
        : {}),
      ...(i?.alerts ? { incidentAlerts: i.alerts.resources.otherProcessesCores } : {}),
      ...(i?.alerts?.atLowerRate
        ? { incidentAlertsLowerRate: i.alerts.atLowerRate.resources.otherProcessesCores }
        : {}),
      ...(i?.timers
        ? {
            timersSchedule: i.timers.schedule.resources.otherProcessesCores,
            timersFire: i.timers.fire.resources.otherProcessesCores,
            timersSustained: i.timers.sustained.fire.resources.otherProcessesCores,
          }
        : {}),
    },
    checks: {
      ...d?.checks,
      ...(i ? { incident: i.checks } : {}),
      ...(digest ? { digest: digest.part.checks } : {}),
      ...(cutoff ? { cutoff: cutoff.part.checks } : {}),
      ...(feishu ? { feishu: feishu.checks } : {}),
      ...(dingtalk ? { dingtalk: dingtalk.checks } : {}),
      ...(wecom ? { wecom: wecom.checks } : {}),
      ...(supervision ? { supervision: supervision.part.checks } : {}),
      ...(desk ? { desk: desk.part.checks } : {}),
      ok:
        (d?.checks.ok ?? true) &&
        (i?.checks.ok ?? true) &&
        (digest?.part.checks.ok ?? true) &&
        (cutoff?.part.checks.ok ?? true) &&
        (feishu?.checks.ok ?? true) &&
        (dingtalk?.checks.ok ?? true) &&
        (wecom?.checks.ok ?? true) &&
        (supervision?.part.checks.ok ?? true) &&
        (desk?.part.checks.ok ?? true),
    },
    ...(profileFile ? { cpuProfile: relative(ROOT, profileFile) } : {}),
  };
  return partial;
}

main().then(
  () => process.exit(0),
  (error) => {
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
