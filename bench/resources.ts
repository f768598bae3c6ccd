/**
 * What a phase cost the machine: this process's CPU (Node, Prisma and PGlite's WebAssembly all run
 * here), the Redis server's CPU, event-loop delay and peak RSS.
 */
import { readFile } from "node:fs/promises";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { Redis } from "ioredis";
import { type MemoryFigures, sampleRss } from "./memory.ts";
import { round } from "./stats.ts";

export interface PhaseResources {
  wallMs: number;
  /** User + system CPU of this process, in ms, and as a share of one core. */
  processCpuMs: number;
  processCpuPercentOfOneCore: number;
  /** CPU the Redis server used meanwhile (all its clients, not only this run). */
  redisCpuMs: number;
  eventLoopDelayP99Ms: number;
  peakRssMiB: number;
  memoryAtPeak: MemoryFigures["atPeak"];
  /**
   * CPU that other processes on the machine used meanwhile, in cores (busy time from /proc/stat minus
   * this process and Redis). The machine is shared: above ~0.2 the figures are disturbed.
   */
  otherProcessesCores: number | null;
}

/** Busy CPU time of the whole machine so far, in ms (Linux; null elsewhere). */
async function machineBusyMs(): Promise<number | null> {
  try {
    const line = (await readFile("/proc/stat", "utf8")).split("\n")[0] ?? "";
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    // USER_HZ is 100 on Linux: one jiffy is 10 ms.
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 10;
  } catch {
    return null;
  }
}

async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const field = (name: string) => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return field("used_cpu_user") + field("used_cpu_sys");
}

/** Runs `work` and reports what it cost alongside its result. */
export async function withResources<T>(
  redis: Redis,
  work: () => Promise<T>,
): Promise<{ result: T; resources: PhaseResources }> {
  const redisBefore = await redisCpuSeconds(redis);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const rss = sampleRss();
  const machineBefore = await machineBusyMs();
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpuBefore);
  const machineAfter = await machineBusyMs();
  const memory = rss.stop();
  delay.disable();
  const redisAfter = await redisCpuSeconds(redis);
  const processCpuMs = (cpu.user + cpu.system) / 1000;
  const redisCpuMs = (redisAfter - redisBefore) * 1000;
  const otherMs =
    machineBefore === null || machineAfter === null
      ? null
      : Math.max(0, machineAfter - machineBefore - processCpuMs - redisCpuMs);
  return {
    result,
    resources: {
      wallMs: round(wallMs, 0),
      processCpuMs: round(processCpuMs, 0),
      processCpuPercentOfOneCore: round((processCpuMs / wallMs) * 100, 0),
      redisCpuMs: round(redisCpuMs, 0),
      eventLoopDelayP99Ms: round(delay.percentile(99) / 1e6, 1),
      peakRssMiB: memory.peakRssMiB,
      memoryAtPeak: memory.atPeak,
      otherProcessesCores: otherMs === null ? null : round(otherMs / wallMs, 2),
    },
  };
}
