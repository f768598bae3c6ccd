/**
 * A database of its own for each test: a fresh in-memory PGlite, or, when `DATABASE_URL` is set,
 * a fresh uniquely named schema on that PostgreSQL server, dropped on close. Always `close()` it
 * (in `afterEach`/`onTestFinished`): PGlite keeps the worker process alive until closed.
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
  return openFreshDatabase();
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
