/**
 * Every conversation in test/transcripts/*.chat, each as its own test, run by the transcript runner
 * against the real application (fresh database, own queue prefix on the test Redis, virtual time).
 * Plus the runner's own contract: a wrong expectation fails at its line and shows what was there
 * instead, and `npm run transcript` ends with `N passed, M failed` and the right exit code.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { formatResult } from "../../../src/transcript/report.ts";
import { runTranscript, type TranscriptResult } from "../../../src/transcript/run-transcript.ts";
import { ROOT, silentLog } from "../../support/app.ts";
import { openTestDatabase } from "../../support/database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../support/redis.ts";

const TRANSCRIPTS = join(ROOT, "test/transcripts");
const FIXTURES = join(ROOT, "test/fixtures/transcripts");
/** The script of `npm run transcript` (package.json). */
const TRANSCRIPT_CLI = "src/transcript/cli.ts";
/**
 * How long one CLI run may take: it loads the app and builds a migrated PGlite (initdb and every
 * migration) before its transcript, 5–10 s alone and several times that on a busy machine.
 */
const CLI_LIMIT_MS = 110_000;

function run(file: string): Promise<TranscriptResult> {
  return runTranscript(file, {
    openDatabase: () => openTestDatabase(),
    redisUrl: testRedisUrl(),
    queuePrefix: () => uniquePrefix(`transcript-${file.split("/").pop()}`),
    cleanup: async (prefix) => {
      await deletePrefixedKeys(prefix);
    },
    log: silentLog,
    root: ROOT,
  });
}

const files = readdirSync(TRANSCRIPTS)
  .filter((name) => name.endsWith(".chat"))
  .sort();

describe("test/transcripts", () => {
  it("has transcripts to run", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  // A transcript that jumps a month (zero-report-late-incident: @now one month on) runs every daily
  // job of that month on the virtual clock, ~40 s of CPU alone: its limit is set for a busy machine.
  it.each(files)("%s", { timeout: 240_000 }, async (name) => {
    const file = join(TRANSCRIPTS, name);
    const result = await run(file);
    if (!result.passed) expect.fail(`\n${formatResult(result, relative(ROOT, file))}`);
  });
});

describe("the transcript runner", () => {
  it("fails a wrong expectation at its line and shows the messages there instead", {
    timeout: 60_000,
  }, async () => {
    const file = join(FIXTURES, "wrong-expectation.chat");
    const result = await run(file);

    expect(result.passed).toBe(false);
    // Only the deliberately wrong line fails; the lines after it still run and pass.
    expect(result.failures.map((f) => f.line)).toEqual([6]);
    const failure = result.failures[0];
    expect(failure?.expectation).toBe("私聊 张三 > 这句话机器人不会说");
    expect(failure?.instead.some((text) => text.includes("职务"))).toBe(true);

    const report = formatResult(result, "wrong-expectation.chat");
    expect(report).toContain("✗ wrong-expectation.chat");
    expect(report).toContain("wrong-expectation.chat:6");
    expect(report).toMatch(/实际：.*职务/);
  });

  it("passes a correct transcript", { timeout: 60_000 }, async () => {
    const result = await run(join(FIXTURES, "passing.chat"));
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
  });
});

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * What `npm run transcript -- <file>` runs (`tsx src/transcript/cli.ts <file>`), as one node process
 * rather than npm, a shell, tsx's launcher and node, against the test Redis; its own `transcript-*`
 * keys are removed afterwards.
 */
async function runCli(file: string): Promise<CliRun> {
  const before = new Set(await transcriptKeys());
  try {
    return await new Promise<CliRun>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", TRANSCRIPT_CLI, file], {
        cwd: ROOT,
        env: { ...process.env, REDIS_URL: testRedisUrl(), LOG_LEVEL: "silent" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const timer = setTimeout(() => child.kill("SIGKILL"), CLI_LIMIT_MS);
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  } finally {
    // The CLI picks its own prefixes (transcript-<hex>) and leaves them behind; remove the new ones.
    const added = (await transcriptKeys()).filter((key) => !before.has(key));
    const prefixes = new Set(added.map((key) => key.slice(0, key.indexOf(":"))));
    for (const prefix of prefixes) await deletePrefixedKeys(prefix);
  }
}

async function transcriptKeys(): Promise<string[]> {
  const client = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  try {
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await client.scan(cursor, "MATCH", "transcript-*", "COUNT", 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== "0");
    return keys;
  } finally {
    client.disconnect();
  }
}

describe("npm run transcript", () => {
  it("is the CLI these tests run", () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts;
    expect(scripts.transcript).toBe(`tsx ${TRANSCRIPT_CLI}`);
  });

  it("prints the failure and `0 passed, 1 failed`, exits 1 for a failing transcript", {
    timeout: CLI_LIMIT_MS + 10_000,
  }, async () => {
    const fixture = relative(ROOT, join(FIXTURES, "wrong-expectation.chat"));
    const result = await runCli(fixture);

    expect(result.stdout, result.stderr).toMatch(/^0 passed, 1 failed$/m);
    expect(result.stdout).toContain(`${fixture}:6`);
    expect(result.code).toBe(1);
  });

  it("prints `1 passed, 0 failed` and exits 0 for a passing transcript", {
    timeout: CLI_LIMIT_MS + 10_000,
  }, async () => {
    const fixture = relative(ROOT, join(FIXTURES, "passing.chat"));
    const result = await runCli(fixture);

    expect(result.stdout, result.stderr).toMatch(/^1 passed, 0 failed$/m);
    expect(result.stdout).toContain(`✓ ${fixture}`);
    expect(result.code).toBe(0);
  });
});
