import { describe, expect, it } from "vitest";
import { mergePartResults, type PartProcessResult, processGroups } from "../../../bench/part-processes.ts";
import { type BenchResult, evaluateTargets } from "../../../bench/report.ts";

const machine = { cores: 2 } as unknown as BenchResult["machine"];

function partResult(
  fields: Partial<BenchResult> & Pick<BenchResult, "memory" | "checks" | "otherLoadCores">,
): BenchResult {
  return {
    timestamp: "2026-12-06T00:00:00.000Z",
    benchSeconds: 10,
    machine,
    parts: [],
    database: { kind: "postgres", where: "127.0.0.1:5432/test" },
    redis: { source: "local", version: "7.0.15" },
    targets: { allMet: true, disturbed: false } as BenchResult["targets"],
    ...fields,
  };
}

describe("bench parts in processes of their own", () => {
  it("keeps alerts and timers in one process and the order the parts run in", () => {
    expect(processGroups(["desk", "timers", "dialog", "alerts", "cutoff"])).toEqual([
      ["dialog"],
      ["alerts", "timers"],
      ["cutoff"],
      ["desk"],
    ]);
    expect(processGroups(["timers"])).toEqual([["timers"]]);
  });

  it("merges the parts' figures, takes the highest memory and fails when one part's checks failed", () => {
    const results: PartProcessResult[] = [
      {
        parts: ["dialog"],
        result: partResult({
          ratio: { throughputBareOverDialog: 2 } as BenchResult["ratio"],
          memory: { peakRssMiB: 180, rssBeforeLoadMiB: 150, lifetimePeakRssMiB: 190 },
          checks: { ok: true, repliesAccepted: 10 },
          otherLoadCores: { dialogClosed: 0.1 },
        }),
      },
      {
        parts: ["alerts", "timers"],
        result: partResult({
          incident: { checks: { ok: false } } as unknown as BenchResult["incident"],
          memory: { peakRssMiB: 230, lifetimePeakRssMiB: 240 },
          checks: { ok: false, incident: { ok: false } },
          otherLoadCores: { timersFire: 0.3 },
        }),
      },
    ];
    const merged = mergePartResults(results, {
      timestamp: "2026-12-06T01:00:00.000Z",
      machine,
      parts: ["dialog", "alerts", "timers"],
    });
    expect(merged.ratio).toEqual({ throughputBareOverDialog: 2 });
    expect(merged.incident).toEqual({ checks: { ok: false } });
    expect(merged.timestamp).toBe("2026-12-06T01:00:00.000Z");
    expect(merged.memory).toEqual({
      peakRssMiB: 230,
      rssBeforeLoadMiB: 150,
      lifetimePeakRssMiB: 240,
      processPerPart: true,
      byPart: {
        dialog: { peakRssMiB: 180, lifetimePeakRssMiB: 190 },
        "alerts,timers": { peakRssMiB: 230, lifetimePeakRssMiB: 240 },
      },
    });
    expect(merged.otherLoadCores).toEqual({ dialogClosed: 0.1, timersFire: 0.3 });
    expect(merged.checks).toEqual({ ok: false, repliesAccepted: 10, incident: { ok: false } });
    expect(merged).not.toHaveProperty("targets");
  });
});

describe("the bench's memory target", () => {
  const result = (kind: "pglite" | "postgres", peakRssMiB: number) =>
    partResult({
      database: { kind, where: "x" },
      memory: { peakRssMiB, lifetimePeakRssMiB: peakRssMiB },
      checks: { ok: true },
      otherLoadCores: {},
    });

  it("counts the issue's limits in MB of 10^6 bytes: 250 on PostgreSQL, 500 on PGlite", () => {
    expect(evaluateTargets(result("postgres", 238)).peakRssMB).toMatchObject({ measured: 250, met: true });
    expect(evaluateTargets(result("postgres", 239)).peakRssMB).toMatchObject({ measured: 251, met: false });
    expect(evaluateTargets(result("pglite", 476)).peakRssMB).toMatchObject({ measured: 499, met: true });
    expect(evaluateTargets(result("pglite", 478)).peakRssMB).toMatchObject({ measured: 501, met: false });
    expect(evaluateTargets(result("postgres", 239)).allMet).toBe(false);
  });
});
