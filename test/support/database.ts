/**
 * A database of its own for each test: an empty, fully migrated in-memory PGlite, or, when
 * `DATABASE_URL` is set, a fresh uniquely named schema on that PostgreSQL server, dropped on close.
 * Always `close()` it (in `afterEach`/`onTestFinished`).
 *
 * Opening a PGlite costs about a second (a thread, the migrated dump loaded); emptying one costs a
 * few milliseconds. So a closed test PGlite is emptied (every table truncated, identities restarted)
 * and kept for the next test of the same file, unless the test changed its schema (a trigger, a
 * function, a table of its own): then it is really closed. `per-file.ts` closes the kept ones after
 * each file.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/store/database.ts";
import { openFreshDatabase } from "../../src/store/fresh-database.ts";
import { quoteIdentifier } from "../../src/store/migrations.ts";

/** A unique, valid schema name for one test. */
export function uniqueSchemaName(prefix = "test"): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** The PostgreSQL server tests use when asked for one explicitly: DATABASE_URL, or the local one. */
export function testPostgresUrl(): string {
  return process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";
}

/**
 * Opens a database owned by the calling test, with every migration applied. PGlite unless
 * `DATABASE_URL` is set (or `kind: "postgres"` is asked for, then on `testPostgresUrl()`).
 */
export async function openTestDatabase(options: { kind?: "pglite" | "postgres" } = {}): Promise<Database> {
  const kind = options.kind ?? (process.env.DATABASE_URL ? "postgres" : "pglite");
  if (kind === "postgres") return openTestSchema(testPostgresUrl());
  return openReusedPglite();
}

interface KeptPglite {
  database: Database;
  /** What the migrations created (tables, sequences, functions, triggers), to see if a test added to it. */
  schema: string;
}

const keptPglites: KeptPglite[] = [];

async function openReusedPglite(): Promise<Database> {
  const kept = keptPglites.pop() ?? (await openNewPglite());
  let closed = false;
  return {
    ...kept.database,
    close: async () => {
      if (closed) return;
      closed = true;
      if (await emptied(kept)) keptPglites.push(kept);
      else await kept.database.close();
    },
  };
}

async function openNewPglite(): Promise<KeptPglite> {
  const database = await openFreshDatabase();
  try {
    return { database, schema: await schemaShape(database) };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Empties a test's PGlite for the next test; false when it cannot be reused. */
async function emptied(kept: KeptPglite): Promise<boolean> {
  try {
    if ((await schemaShape(kept.database)) !== kept.schema) return false;
    const tables = await kept.database.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (tables.length > 0) {
      await kept.database.prisma.$executeRawUnsafe(
        `TRUNCATE ${tables.map((t) => t.name).join(", ")} RESTART IDENTITY CASCADE`,
      );
    }
    return true;
  } catch {
    return false;
  }
}

/** The user-made objects of a database: relations, functions and triggers, by name. */
async function schemaShape(database: Database): Promise<string> {
  const rows = await database.prisma.$queryRawUnsafe<{ item: string }[]>(
    `SELECT 'rel ' || n.nspname::text || '.' || c.relname || ' ' || c.relkind::text AS item
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
     UNION ALL
     SELECT 'fn ' || n.nspname || '.' || p.proname
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
     UNION ALL
     SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal
     UNION ALL
     SELECT 'schema ' || nspname FROM pg_namespace
     ORDER BY 1`,
  );
  return rows.map((row) => row.item).join("\n");
}

/** Closes the PGlites kept for reuse (after each test file, see `per-file.ts`). */
export async function closeKeptDatabases(): Promise<void> {
  const all = keptPglites.splice(0);
  await Promise.all(all.map((kept) => kept.database.close()));
}

async function openTestSchema(databaseUrl: string): Promise<Database> {
  const schema = uniqueSchemaName();
  const database = await openDatabase({ databaseUrl, schema });
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropSchema(databaseUrl, schema);
    },
  };
}

/** Drops a test's schema and everything in it. */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
