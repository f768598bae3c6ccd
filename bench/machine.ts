/** The machine and software a result was measured on, so figures from different runs can be compared. */
import { execFileSync } from "node:child_process";
import os from "node:os";

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  totalMemoryMiB: number;
  platform: string;
  kernel: string;
  node: string;
  gitCommit: string;
  gitDirty: boolean;
  /** 1-minute load average when the bench started: other work on a shared machine shows here. */
  loadAverageAtStart: number;
}

export function machineInfo(root: string): MachineInfo {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
    } catch {
      return "";
    }
  };
  return {
    cores: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    totalMemoryMiB: Math.round(os.totalmem() / 1024 / 1024),
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    node: process.version,
    gitCommit: git("rev-parse", "--short", "HEAD") || "unknown",
    gitDirty: git("status", "--porcelain", "--untracked-files=no") !== "",
    loadAverageAtStart: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}
