import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDataDir } from "./data-dir-lock.ts";
import { PrismaClient } from "./generated/client.ts";
import { applyPendingMigrations, type MigrationConnection } from "./migrations.ts";
import { type PgliteQueryable, PgliteThread } from "./pglite-thread/pglite-thread.ts";

/**
 * The bot's database, ready to use: migrations applied, one Prisma client. Handlers receive
 * `prisma`; only main.ts (and tests) open and close it.
 */
export interface Database {
  prisma: PrismaClient;
  /** In-process PGlite (no server needed) or a PostgreSQL server. */
  kind: "pglite" | "postgres";
  /** Migrations applied while opening, oldest first; empty when the database was up to date. */
  appliedMigrations: readonly string[];
  /** Disconnects Prisma and closes PGlite or the pool. PGlite keeps the process alive until then. Idempotent. */
  close(): Promise<void>;
}

/** Where the data lives. */
export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; without it, PGlite is used. A `?schema=` parameter is honoured. */
  databaseUrl?: string;
  /** PGlite only: a directory to persist in (e.g. ./data/pglite); in memory when absent. */
  dataDir?: string;
  /** PostgreSQL only: use this schema instead of `public` (tests give each run its own). */
  schema?: string;
}

/**
 * Opens the database and applies pending migrations before returning. Throws an Error with a
 * Chinese message when the database cannot be reached or its migration history is wrong; the
 * caller may retry.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir === undefined) return usePglite(await createPglite(undefined));
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const created = isPgliteDataDir(dataDir) ? [] : await createDataDir(resolve(dataDir));
    const database = await usePglite(await createPglite(resolve(dataDir)));
    return {
      ...database,
      appliedMigrations: [...created, ...database.appliedMigrations],
      close: once(async () => {
        try {
          await database.close();
        } finally {
          release();
        }
      }),
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Whether a PGlite data folder has been created in `dataDir` (initdb done). */
export function isPgliteDataDir(dataDir: string): boolean {
  return existsSync(join(dataDir, "PG_VERSION"));
}

/**
 * A new data folder: initdb and every migration, on a thread of its own that is then closed.
 * PGlite's initdb runs a second PostgreSQL and initdb's own WebAssembly in that thread, about
 * 500 MiB that its garbage collector would keep for the process's lifetime; ending the thread
 * returns it, and reopening the folder costs a second or two (issue 13).
 */
async function createDataDir(dataDir: string): Promise<string[]> {
  const pglite = await createPglite(dataDir);
  try {
    return await applyPendingMigrations(pgliteMigrationConnection(pglite));
  } finally {
    await pglite.close();
  }
}

/** PGlite on its own thread (see pglite-thread/), so queries do not hold up the event loop. */
async function createPglite(dataDir: string | undefined): Promise<PgliteThread> {
  try {
    return await PgliteThread.start(dataDir === undefined ? {} : { dataDir });
  } catch (error) {
    const where = dataDir === undefined ? "内存数据库" : `数据目录 ${dataDir}`;
    throw new Error(
      `无法打开 PGlite ${where}：${reasonOf(error)}。请确认磁盘可写、目录没有损坏；如需使用 PostgreSQL 服务器，请设置 DATABASE_URL。`,
      { cause: error },
    );
  }
}

/**
 * Wraps an already created PGlite (for example one loaded from a dump), in process or on its own
 * thread, as a Database, applying pending migrations first. The Database owns the PGlite from here
 * on and closes it.
 */
export async function usePglite(pglite: PGlite | PgliteThread): Promise<Database> {
  let appliedMigrations: string[];
  try {
    appliedMigrations = await applyPendingMigrations(pgliteMigrationConnection(pglite));
  } catch (error) {
    await pglite.close();
    throw error;
  }
  // The adapter uses query, exec and transaction, which PgliteThread provides with PGlite's meaning.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite as PGlite) });
  return opened(prisma, "pglite", appliedMigrations, () => pglite.close());
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

async function openPostgres(databaseUrl: string, schemaOption: string | undefined): Promise<Database> {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error(
      "DATABASE_URL 不是有效的连接串，应形如 postgresql://用户名:密码@主机:5432/数据库名，请检查后重试。",
    );
  }
  const schema = schemaOption ?? url.searchParams.get("schema") ?? undefined;
  url.searchParams.delete("schema");
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`数据库 schema 名称“${schema}”无效：只能使用字母、数字和下划线，且不能以数字开头。`);
  }
  const target = `${url.hostname || "localhost"}:${url.port || "5432"}/${decodeURIComponent(url.pathname.slice(1))}`;

  const pool = new pg.Pool({
    connectionString: url.toString(),
    connectionTimeoutMillis: 10_000,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client that loses its server emits on the pool; unheard, that would crash the process.
  // The next query fails and reports the problem where it matters.
  pool.on("error", () => {});

  let appliedMigrations: string[];
  try {
    const client = await pool.connect().catch((error: unknown) => {
      throw new Error(
        `无法连接 PostgreSQL 数据库 ${target}：${reasonOf(error)}。请检查 DATABASE_URL（主机、端口、用户名、密码、数据库名）是否正确，数据库服务是否已启动、网络是否可达。`,
        { cause: error },
      );
    });
    try {
      appliedMigrations = await applyPendingMigrations(pgMigrationConnection(client), { schema });
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }

  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, schema === undefined ? {} : { schema }) });
  return opened(prisma, "postgres", appliedMigrations, () => pool.end());
}

/** The migration runner's view of a PGlite (itself a single session). */
export function pgliteMigrationConnection(pglite: PgliteQueryable): MigrationConnection {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
    exec: async (script) => {
      await pglite.exec(script);
    },
  };
}

/** The migration runner's view of one checked-out PostgreSQL connection. */
export function pgMigrationConnection(client: pg.ClientBase): MigrationConnection {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
    exec: async (script) => {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await client.query(script);
    },
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && !error.message.includes(code)
      ? `${error.message}（${code}）`
      : error.message;
  }
  return String(error);
}

/** An opened database whose close disconnects Prisma, then closes what is under it (once). */
function opened(
  prisma: PrismaClient,
  kind: Database["kind"],
  appliedMigrations: readonly string[],
  closeDriver: () => Promise<void>,
): Database {
  return {
    prisma,
    kind,
    appliedMigrations,
    close: once(async () => {
      await prisma.$disconnect();
      await closeDriver();
    }),
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= fn();
    return running;
  };
}
