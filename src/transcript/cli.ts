/**
 * `npm run transcript -- <files or folders>`: runs each *.chat file on a fresh database and a
 * virtual clock, prints every failed expectation with the messages that were there instead, ends
 * with `N passed, M failed`, and exits 1 when any transcript failed.
 */
import "dotenv/config";
import { randomBytes } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { ensureRedis } from "../app/redis-server/redis-launcher.ts";
import { deletePrefixedKeys } from "../queue/redis-prefix-cleanup.ts";
import { openFreshDatabase } from "../store/fresh-database.ts";
import { formatResult } from "./report.ts";
import { runTranscript } from "./run-transcript.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

async function collect(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new Error(`找不到：${path}`);
    if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true });
      files.push(
        ...entries
          .filter((e) => e.endsWith(".chat"))
          .map((e) => join(path, e))
          .sort(),
      );
    } else files.push(path);
  }
  return files;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const files = await collect(args.length > 0 ? args : [join(ROOT, "test/transcripts")]);
  const log = pino({ level: process.env.LOG_LEVEL ?? "warn" });
  const redis = await ensureRedis({
    redisUrl: process.env.REDIS_URL,
    dataDir: process.env.DATA_DIR ?? join(ROOT, "data"),
    log: (m) => log.info(m),
  });
  let passed = 0;
  let failed = 0;
  try {
    for (const file of files) {
      const result = await runTranscript(resolve(file), {
        openDatabase: openFreshDatabase,
        redisUrl: redis.url,
        queuePrefix: () => `transcript-${randomBytes(4).toString("hex")}`,
        cleanup: async (prefix) => {
          await deletePrefixedKeys(prefix, redis.url);
        },
        log,
        root: ROOT,
      });
      if (result.passed) passed++;
      else failed++;
      process.stdout.write(formatResult(result, relative(process.cwd(), file)));
    }
  } finally {
    await redis.stop();
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
