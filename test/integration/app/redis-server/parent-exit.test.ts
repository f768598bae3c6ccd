import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../../../src/app/redis-server/redis-port.ts";

const fixture = fileURLToPath(new URL("./fixtures/hold-redis.ts", import.meta.url));

let dataDir: string;
let child: ChildProcess | undefined;
let startedRedis: number | undefined;
/** The parent-death signal needs util-linux setpriv (Linux); without it only a normal exit stops the server. */
const hasSetpriv = existsSync("/usr/bin/setpriv") || existsSync("/bin/setpriv");

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "kuaibao-parent-exit-"));
});

afterEach(async () => {
  child?.kill("SIGKILL");
  child = undefined;
  // Should the behaviour under test be broken, do not leave a redis-server behind.
  if (startedRedis !== undefined && !(await hasEnded(startedRedis))) process.kill(startedRedis, "SIGKILL");
  startedRedis = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs the fixture and resolves with the pid of the redis-server it started. */
async function startHolder(mode: "wait" | "exit"): Promise<{ holder: ChildProcess; redisPid: number }> {
  const defaultUrl = `redis://127.0.0.1:${await findFreePort()}`;
  const holder = spawn(process.execPath, ["--import", "tsx", fixture, defaultUrl, dataDir, mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  child = holder;
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: holder.stdout as NodeJS.ReadableStream });
    lines.once("line", resolve);
    holder.once("exit", (code) => reject(new Error(`fixture exited early with code ${code}`)));
  });
  const { owned, redisPid } = JSON.parse(firstLine) as { owned: boolean; redisPid: number };
  expect(owned).toBe(true);
  expect(redisPid).toBeGreaterThan(0);
  startedRedis = redisPid;
  return { holder, redisPid };
}

/** True once `pid` has ended. A zombie counts as ended: who reaps an orphan depends on the machine's init. */
async function hasEnded(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  return / Z /.test(stat.slice(stat.lastIndexOf(")")));
}

async function waitUntilGone(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await hasEnded(pid)) return true;
    await new Promise((done) => setTimeout(done, 50));
  }
  return false;
}

describe("our own redis-server does not outlive the process that started it", () => {
  it("is stopped when that process ends normally without calling stop()", async () => {
    const { redisPid } = await startHolder("exit");
    expect(await waitUntilGone(redisPid)).toBe(true);
  });

  it.skipIf(!hasSetpriv)("is stopped when that process is killed with SIGKILL", async () => {
    const { holder, redisPid } = await startHolder("wait");
    expect(await waitUntilGone(redisPid, 300)).toBe(false);
    holder.kill("SIGKILL");
    expect(await waitUntilGone(redisPid)).toBe(true);
  });
});
