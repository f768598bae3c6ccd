/**
 * What the bench runs against, owned by this run and removed afterwards: a fresh database (an
 * in-memory PGlite, or a new schema on the PostgreSQL server of DATABASE_URL) and a unique key prefix
 * on the Redis of REDIS_URL (or the local one, or our own, as the bot itself finds it).
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { ensureRedis } from "../src/app/redis-server/redis-launcher.ts";
import { type Database, openDatabase } from "../src/store/database.ts";
import { openFreshDatabase } from "../src/store/fresh-database.ts";
import { memoUntilFailure } from "../src/store/memo-until-failure.ts";
import { quoteIdentifier } from "../src/store/migrations.ts";
import { benchOptions } from "./options.ts";

export interface BenchDatabase {
  database: Database;
  /** Host/port/database of PostgreSQL (no password), or "in-memory" for PGlite. */
  where: string;
  schema?: string;
  close(): Promise<void>;
}

/**
 * A migrated PGlite data folder made once per run (initdb and migrations, as `npm start` does on a
 * new folder), copied for each part: the parts run on a data folder, as the bot does, so the
 * process's memory is the bot's and not an in-memory copy of its files.
 */
let templateRoot: string | undefined;
const pgliteTemplate = memoUntilFailure(async () => {
  templateRoot ??= mkdtempSync(join(tmpdir(), "kuaibao-bench-"));
  const folder = join(templateRoot, "template");
  rmSync(folder, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: folder });
  await database.close();
  return folder;
});

async function openPgliteFolder(): Promise<BenchDatabase> {
  const template = await pgliteTemplate();
  const folder = join(dirname(template), `part-${randomBytes(4).toString("hex")}`);
  cpSync(template, folder, { recursive: true });
  const database = await openDatabase({ dataDir: folder });
  return {
    database,
    where: "data folder",
    async close() {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Removes the run's PGlite template folder, if one was made. */
export function removePgliteTemplate(): void {
  if (templateRoot) rmSync(templateRoot, { recursive: true, force: true });
}

/**
 * PGlite (BENCH_PGLITE=memory, the default: in memory, as the tests and transcripts run; `folder`: a
 * data folder, as `npm start` uses) or a new schema on the PostgreSQL server of `databaseUrl`.
 */
export async function openBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  if (!databaseUrl && benchOptions(process.env).BENCH_PGLITE === "folder") return openPgliteFolder();
  if (!databaseUrl) {
    const database = await openFreshDatabase();
    return { database, where: "in-memory", close: () => database.close() };
  }
  const schema = `bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const database = await openDatabase({ databaseUrl, schema });
  const url = new URL(databaseUrl);
  url.password = "";
  url.searchParams.delete("schema");
  return {
    database,
    where: `${url.host}${url.pathname}`,
    schema,
    async close() {
      await database.close();
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface BenchRedis {
  url: string;
  /** "REDIS_URL", "local" (already running on the default address) or "own" (started for this run). */
  source: "REDIS_URL" | "local" | "own";
  version: string;
  stop(): Promise<void>;
}

export async function openBenchRedis(root: string, redisUrl: string | undefined, log: (m: string) => void) {
  const ensured = await ensureRedis({ redisUrl, dataDir: join(root, "data"), log });
  const client = new Redis(ensured.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  const info = await client.info("server");
  client.disconnect();
  const version = /redis_version:(\S+)/.exec(info)?.[1] ?? "?";
  const source: BenchRedis["source"] = redisUrl?.trim() ? "REDIS_URL" : ensured.owned ? "own" : "local";
  return { url: ensured.url, source, version, stop: () => ensured.stop() } satisfies BenchRedis;
}

/** `bench-<pid>-<random>`: letters, digits and `-` only, as BullMQ prefixes must be. */
export function uniqueBenchPrefix(): string {
  return `bench-${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** Deletes every key under `prefix:`; returns how many were removed and how many are left. */
export async function deletePrefixedKeys(
  url: string,
  prefix: string,
): Promise<{ removed: number; left: number }> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on("error", () => {});
  await client.connect();
  try {
    const pattern = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}:*`;
    let removed = 0;
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) removed += await client.unlink(...keys);
    } while (cursor !== "0");
    let left = 0;
    cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      left += keys.length;
    } while (cursor !== "0");
    return { removed, left };
  } finally {
    client.disconnect();
  }
}
