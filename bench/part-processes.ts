/**
 * Each part of the bench in a process of its own (issue 13). A part already builds its own database,
 * app and queue prefix; in one shared process it also inherited the heap, the allocator's free lists
 * and the loaded SDKs of every part before it, so the last parts measured ten apps' leftovers rather
 * than one bot under their load. Here each part (alerts and timers together, as the incident part)
 * runs in a new Node started with this process's own flags and environment (npm run bench's V8 and
 * malloc settings), writes its result to a temporary file, and the results are merged into one.
 * `BENCH_ONE_PROCESS=1` runs them all in one process as before.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BenchResult } from "./report.ts";

/** Parts that share a process: the incident part's alerts and timers use one app. */
const PROCESS_GROUPS = [
  ["dialog"],
  ["alerts", "timers"],
  ["digest"],
  ["cutoff"],
  ["feishu"],
  ["dingtalk"],
  ["wecom"],
  ["supervision"],
  ["desk"],
] as const;

/** The keys every part's result has of its own; the rest are the parts' figures, merged as they are. */
const SHARED_KEYS = new Set([
  "timestamp",
  "benchSeconds",
  "machine",
  "parts",
  "database",
  "redis",
  "memory",
  "otherLoadCores",
  "checks",
  "targets",
]);

export interface PartProcessResult {
  parts: string[];
  result: BenchResult;
}

/** The selected parts, grouped by the process each runs in. */
export function processGroups(selected: readonly string[]): string[][] {
  return PROCESS_GROUPS.map((group) => group.filter((part) => selected.includes(part))).filter(
    (group) => group.length > 0,
  );
}

/** Runs each group of parts in a child process, one after another, and returns their results. */
export async function runPartProcesses(
  root: string,
  groups: string[][],
  env: NodeJS.ProcessEnv,
  progress: (message: string) => void,
): Promise<PartProcessResult[]> {
  const folder = mkdtempSync(join(tmpdir(), "kuaibao-bench-parts-"));
  try {
    const results: PartProcessResult[] = [];
    for (const parts of groups) {
      const out = join(folder, `${parts.join("-")}.json`);
      progress(`part ${parts.join(", ")}: in a process of its own`);
      await runChild(root, {
        ...env,
        BENCH_ONLY: parts.join(","),
        BENCH_OUT: out,
        BENCH_PART_PROCESS: "1",
      });
      results.push({ parts, result: JSON.parse(readFileSync(out, "utf8")) as BenchResult });
    }
    return results;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function runChild(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const args = [...process.execArgv, resolve(root, "scripts/run-bundled.mjs"), resolve(root, "bench/run.ts")];
  // The part's own summary goes to stderr with the progress lines; the merged one is printed at the end.
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  child.stdout.pipe(process.stderr);
  return new Promise((done, fail) => {
    child.once("error", fail);
    child.once("exit", (code, signal) =>
      code === 0
        ? done()
        : fail(new Error(`bench part ${env.BENCH_ONLY} exited with ${signal ?? `code ${code}`}`)),
    );
  });
}

/** One result from the parts' results: their figures side by side, memory and checks across them. */
export function mergePartResults(
  results: PartProcessResult[],
  run: Pick<BenchResult, "timestamp" | "machine" | "parts">,
): Omit<BenchResult, "targets" | "benchSeconds"> {
  const first = results[0]?.result;
  if (!first) throw new Error("no bench part ran");
  const figures: Record<string, unknown> = {};
  for (const { result } of results)
    for (const [key, value] of Object.entries(result)) if (!SHARED_KEYS.has(key)) figures[key] = value;
  const byPart = Object.fromEntries(
    results.map(({ parts, result }) => [
      parts.join(","),
      { peakRssMiB: result.memory.peakRssMiB, lifetimePeakRssMiB: result.memory.lifetimePeakRssMiB },
    ]),
  );
  const dialog = results.find(({ parts }) => parts.includes("dialog"))?.result;
  return {
    ...run,
    database: first.database,
    redis: first.redis,
    ...figures,
    memory: {
      peakRssMiB: Math.max(...results.map(({ result }) => result.memory.peakRssMiB)),
      ...(dialog?.memory.rssBeforeLoadMiB === undefined
        ? {}
        : { rssBeforeLoadMiB: dialog.memory.rssBeforeLoadMiB }),
      lifetimePeakRssMiB: Math.max(...results.map(({ result }) => result.memory.lifetimePeakRssMiB)),
      processPerPart: true,
      byPart,
    },
    otherLoadCores: Object.assign({}, ...results.map(({ result }) => result.otherLoadCores)),
    checks: {
      ...Object.assign({}, ...results.map(({ result }) => result.checks)),
      ok: results.every(({ result }) => result.checks.ok),
    },
  };
}
