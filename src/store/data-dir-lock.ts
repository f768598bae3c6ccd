import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Claims a PGlite data directory for this process, through a `<dataDir>.lock` file holding our
 * pid, and returns the function that gives it back. PGlite has no lock of its own: measured here,
 * two processes on one directory both open it and silently lose each other's writes. A lock left
 * by a process that no longer runs (killed, crashed) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const lockPath = `${dir}.lock`;
  if (heldHere.has(dir)) {
    throw new Error(
      `PGlite 数据目录 ${dir} 已被本进程打开。同一目录只能打开一次：请复用已打开的数据库，或先关闭它。`,
    );
  }
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 2) throw error;
    }
    const owner = readOwner(lockPath);
    // Our own pid in the file is a previous life of this process (containers reuse pid 1).
    if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
      throw new Error(
        `PGlite 数据目录 ${dir} 正被另一个进程（pid ${owner}）使用，同一目录同时只能由一个快报进程打开。` +
          `请先停止那个进程；如果确认它已不在运行，删除 ${lockPath} 后重试。`,
      );
    }
    try {
      unlinkSync(lockPath);
    } catch {
      // Another process removed the stale lock first; the next attempt sees what it left.
    }
  }
  heldHere.add(dir);
  return () => {
    heldHere.delete(dir);
    if (readOwner(lockPath) !== process.pid) return;
    try {
      unlinkSync(lockPath);
    } catch {
      // Already gone: nothing to give back.
    }
  };
}
