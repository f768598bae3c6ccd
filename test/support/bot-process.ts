/**
 * The real bot as a child process (`node --import tsx src/main.ts`: one process, where `npx tsx`
 * started three — npm, tsx's launcher and node), for tests of start-up, exit codes and restarts.
 * It runs in a process group of its own, so `kill()` reaches anything it started too.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { ROOT } from "./app.ts";

export interface BotProcess {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to the whole process group (kill -9); resolves when it has ended. Safe to call twice. */
  kill(): Promise<void>;
}

export function startBotProcess(env: Record<string, string>): BotProcess {
  const { QUEUE_PREFIX: _prefix, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    // DATABASE_URL="" means PGlite (dotenv leaves a variable that is set alone).
    env: { ...inherited, DATABASE_URL: "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  return {
    child,
    output: () => output,
    exited,
    async kill() {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // The group is gone already.
      }
      if (!ended) await exited;
    },
  };
}
