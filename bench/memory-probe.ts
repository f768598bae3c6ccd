/**
 * `bench/memory-probe.ts [data folder]`: where the bot's resident memory goes, step by step as
 * main.ts builds it: Node; the modules (Prisma's client and query compiler, BullMQ,
 * Fastify, …); PGlite opened on its thread on a data folder (a temporary one, created first, unless
 * given); migrations and Prisma's first queries; the app with its HTTP server, queues and workers.
 * Prints RSS and process.memoryUsage() after each step (after a full GC of the main thread where
 * `--expose-gc` allows). Run it as `npm start` runs the bot:
 * `node --expose-gc --no-liftoff --max-semi-space-size=4 --max-old-space-size=192 scripts/run-bundled.mjs bench/memory-probe.ts`.
 * Uses the local Redis (or REDIS_URL) under a queue prefix of its own, deleted at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { getHeapStatistics } from "node:v8";

const ROOT = resolve(import.meta.dirname, "..");
const MIB = 1024 * 1024;
const rows: Record<string, unknown>[] = [];
const t0 = performance.now();

async function step(name: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  await sleep(200);
  const m = process.memoryUsage();
  const heap = getHeapStatistics();
  rows.push({
    step: name,
    s: Math.round((performance.now() - t0) / 100) / 10,
    rss: Math.round(m.rss / MIB),
    heapUsed: Math.round(m.heapUsed / MIB),
    heapTotal: Math.round(m.heapTotal / MIB),
    external: Math.round(m.external / MIB),
    arrayBuffers: Math.round(m.arrayBuffers / MIB),
    mallocedMiB: Math.round(heap.malloced_memory / MIB),
  });
}

async function main(): Promise<void> {
  await step("node");
  const given = process.argv[2];
  const dataDir = given ?? mkdtempSync(join(tmpdir(), "kuaibao-probe-"));
  const { loadOfficeConfig } = await import("../src/config/load.ts");
  const { openDatabase } = await import("../src/store/database.ts");
  await step("modules: config, store (Prisma client, pg, PGlite JS)");
  const { createApp } = await import("../src/app/create-app.ts");
  const { Directory } = await import("../src/bot/core/directory.ts");
  const { pino } = await import("pino");
  await step("modules: app (BullMQ, Fastify, handlers)");
  const config = await loadOfficeConfig(join(ROOT, "config/org.yaml"), join(ROOT, "config/policy.yaml"), {});
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: join(dataDir, "pglite"),
  });
  await step(`database open (${database.kind}), migrations ${database.appliedMigrations.length}`);
  await database.prisma.incident.count();
  await step("first Prisma query");
  const prefix = `probe-${process.pid}`;
  const app = await createApp({
    config,
    directory: new Directory(config.org),
    prisma: database.prisma,
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    log: pino({ level: "silent" }),
    queuePrefix: prefix,
    sharedDatabase: database.kind === "postgres",
    http: { host: "127.0.0.1", port: 0 },
  });
  await step("app: queues, workers, HTTP server");
  const response = await fetch(`${app.url}/healthz`);
  await step(`healthz ${response.status}`);
  await app.close();
  await database.close();
  await step("closed");
  const { deletePrefixedKeys } = await import("./environment.ts");
  await deletePrefixedKeys(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", prefix);
  if (!given) rmSync(dataDir, { recursive: true, force: true });
  console.table(rows);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
