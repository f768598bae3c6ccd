/**
 * `npx tsx bench/start-time.ts`: how long `npm start` takes until the console answers, on a fresh
 * data folder (first start: initdb and every migration) and again on the same folder (restart), and
 * the bot's resident memory once idle. Each start runs `npm start` in its own process group with
 * DATA_DIR in a temporary folder and PORT on a free port, polls GET /healthz until it answers 200,
 * reads the bot process's RSS (the node process running src/main.ts), then stops it with SIGTERM.
 * `START_RUNS` (default 3) pairs; prints JSON (and writes it to START_OUT when set). With
 * DATABASE_URL set, the bot runs on that PostgreSQL under a schema of its own, dropped at the end.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { round } from "./stats.ts";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.START_RUNS ?? 3);
const TIMEOUT_MS = 180_000;

interface StartFigures {
  /** `npm start` spawned → GET /healthz answered 200, in seconds. */
  readySeconds: number;
  /** First line mentioning the database (the progress line), seconds after the spawn. */
  firstDatabaseLineSeconds: number | null;
  /** The bot process's RSS 3 s after it answered (idle), in MiB. */
  idleRssMiB: number;
  lines: string[];
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The process of the group whose RSS is largest: the node running the bot (npm and tsx's parent are small). */
function botRssMiB(groupId: number): number {
  let largest = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue; // pgrp
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1];
      largest = Math.max(largest, Number(rss ?? 0));
    } catch {
      // the process ended meanwhile
    }
  }
  return Math.round(largest / 1024);
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once("exit", () => done()));
}

async function startOnce(dataDir: string, databaseUrl: string | undefined): Promise<StartFigures> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_FORMAT: "json",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let firstDatabaseLineSeconds: number | null = null;
  const onText = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      const at = round((performance.now() - t0) / 1000, 1);
      const message = (() => {
        try {
          return String((JSON.parse(line) as { msg?: unknown }).msg ?? line);
        } catch {
          return line;
        }
      })();
      if (firstDatabaseLineSeconds === null && /数据库/.test(message)) firstDatabaseLineSeconds = at;
      lines.push(`${at}s ${message}`);
    }
  };
  child.stdout?.on("data", onText);
  child.stderr?.on("data", onText);
  try {
    while (!(await healthy(port))) {
      if (child.exitCode !== null)
        throw new Error(`npm start exited (${child.exitCode}):\n${lines.join("\n")}`);
      if (performance.now() - t0 > TIMEOUT_MS) throw new Error(`not ready in time:\n${lines.join("\n")}`);
      await sleep(100);
    }
    const readySeconds = round((performance.now() - t0) / 1000, 1);
    await sleep(3000);
    const idleRssMiB = botRssMiB(child.pid as number);
    return { readySeconds, firstDatabaseLineSeconds, idleRssMiB, lines };
  } finally {
    process.kill(-(child.pid as number), "SIGTERM");
    await Promise.race([exited(child), sleep(20_000)]);
    if (child.exitCode === null) process.kill(-(child.pid as number), "SIGKILL");
  }
}

const spread = (values: number[]) => ({
  min: Math.min(...values),
  median: [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number,
  max: Math.max(...values),
  values,
});

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL?.trim() || undefined;
  const firsts: StartFigures[] = [];
  const restarts: StartFigures[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), "kuaibao-start-"));
    let databaseUrl: string | undefined;
    let schema: string | undefined;
    if (base) {
      schema = `start_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
      const url = new URL(base);
      url.searchParams.set("schema", schema);
      databaseUrl = url.toString();
    }
    try {
      firsts.push(await startOnce(dataDir, databaseUrl));
      restarts.push(await startOnce(dataDir, databaseUrl));
      process.stderr.write(
        `[start] run ${run + 1}: first ${firsts.at(-1)?.readySeconds} s, restart ${restarts.at(-1)?.readySeconds} s\n`,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      if (schema && base) {
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
      }
    }
  }
  const result = {
    database: base ? "postgres" : "pglite",
    runs: RUNS,
    firstStartSeconds: spread(firsts.map((f) => f.readySeconds)),
    restartSeconds: spread(restarts.map((f) => f.readySeconds)),
    firstDatabaseLineSeconds: {
      firstStart: firsts.map((f) => f.firstDatabaseLineSeconds),
      restart: restarts.map((f) => f.firstDatabaseLineSeconds),
    },
    idleRssMiB: spread([...firsts, ...restarts].map((f) => f.idleRssMiB)),
    exampleFirstStartLines: firsts[0]?.lines,
    exampleRestartLines: restarts[0]?.lines,
  };
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (process.env.START_OUT) writeFileSync(resolve(ROOT, process.env.START_OUT), json);
  process.stdout.write(json);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
