/**
 * A `redis-server` child process that we start, wait for, and stop. It never outlives us: it is stopped by
 * `stop()`, on a normal exit of our process, and — where util-linux `setpriv` exists — by the kernel when the
 * thread that spawned it dies (even by SIGKILL), through the parent-death signal.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { findExecutable } from "./redis-binary.ts";
import { withProbeClient } from "./redis-probe.ts";

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
  /** Path of the `redis-server` program. */
  binary: string;
  /** Loopback port to listen on; the server binds 127.0.0.1 only. */
  port: number;
  /** Working directory for the data files (created if missing). */
  dir: string;
  /**
   * `aof`: append-only file on (fsync every second), no RDB snapshots, server log in `<dir>/redis-server.log`.
   * `none`: nothing written to disk (tests), server log kept in memory for error messages.
   */
  persistence: "aof" | "none";
  /** How long to wait until it answers (a large AOF takes a while to load). Default 30 s. */
  startTimeoutMs?: number;
}

/** A running `redis-server` that belongs to this process. */
export interface RedisServerProcess {
  url: string;
  port: number;
  pid: number;
  /** Asks the server to shut down (SIGTERM: it flushes the AOF) and resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
}

/** Servers still running, killed synchronously if our process exits without stopping them. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of running) child.kill("SIGTERM");
  });
}

/**
 * Starts `redis-server` with `maxmemory-policy noeviction` and resolves once it answers PING.
 * Rejects (after killing the child) when it exits early or does not answer in time; the error
 * carries the tail of the server's own log, which says why (port in use, unwritable directory…).
 */
export async function startRedisServer(options: RedisServerOptions): Promise<RedisServerProcess> {
  await mkdir(options.dir, { recursive: true });
  const logFile = options.persistence === "aof" ? join(options.dir, "redis-server.log") : "";
  const args = [
    "--port",
    String(options.port),
    "--bind",
    "127.0.0.1",
    "--protected-mode",
    "yes",
    "--daemonize",
    "no",
    "--dir",
    options.dir,
    "--logfile",
    logFile,
    "--maxmemory-policy",
    "noeviction",
    // No RDB snapshots: the AOF is our persistence, and a failing final snapshot (full disk, deleted
    // directory) makes redis-server refuse to exit on SIGTERM.
    "--save",
    "",
    "--appendonly",
    options.persistence === "aof" ? "yes" : "no",
    ...(options.persistence === "aof" ? ["--appendfsync", "everysec"] : []),
  ];

  const setpriv = await findExecutable("setpriv", ["/usr/bin", "/bin"]);
  const [command, commandArgs] = setpriv
    ? [setpriv, ["--pdeathsig", "TERM", "--", options.binary, ...args]]
    : [options.binary, args];
  const child = spawn(command, commandArgs, { stdio: ["ignore", "pipe", "pipe"], cwd: options.dir });

  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  const spawnFailed = new Promise<Error>((resolve) => child.once("error", resolve));
  running.add(child);
  installExitHook();
  void Promise.race([exited, spawnFailed]).then(() => running.delete(child));

  const url = `redis://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  let failure: string | undefined;
  for (;;) {
    const outcome = await Promise.race([
      // Compare pids: if someone else took the port first, their server may answer before ours exits.
      answeringPid(url).then((pid) => (pid === child.pid ? "ready" : "not yet")),
      exited.then(({ code, signal }) => `redis-server 已退出（code ${code}, signal ${signal}）`),
      spawnFailed.then((error) => `无法运行 ${options.binary}：${error.message}`),
    ]);
    if (outcome === "ready") break;
    if (outcome !== "not yet") {
      failure = outcome;
      break;
    }
    if (Date.now() > deadline) {
      failure = `redis-server 在 ${options.startTimeoutMs ?? 30_000} ms 内没有响应`;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  if (failure !== undefined) {
    child.kill("SIGKILL");
    await Promise.race([exited, spawnFailed]);
    const serverLog = logFile ? await readFile(logFile, "utf8").catch(() => "") : "";
    const tail = `${serverLog}\n${output}`.trim().split("\n").slice(-12).join("\n");
    throw new Error(
      `启动 redis-server（端口 ${options.port}，目录 ${options.dir}）失败：${failure}\n${tail}`,
    );
  }

  // Our process may end on its own once nothing else is pending; the exit hook then stops the server.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) {
    (stream as (typeof stream & { unref?: () => void }) | null)?.unref?.();
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    port: options.port,
    pid: child.pid ?? -1,
    stop() {
      stopping ??= stopChild(child, exited);
      return stopping;
    },
  };
}

/** The `process_id` of the Redis answering at `url`, or undefined when none answers (yet). */
async function answeringPid(url: string): Promise<number | undefined> {
  try {
    const info = await withProbeClient(url, 1000, (client) => client.info("server"));
    const pid = /^process_id:(\d+)/m.exec(info)?.[1];
    return pid ? Number(pid) : undefined;
  } catch {
    return undefined;
  }
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // Keep the event loop alive until the server has really gone.
  child.ref();
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), 15_000);
  });
  if ((await Promise.race([exited, gaveUp])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
  clearTimeout(timer);
}
