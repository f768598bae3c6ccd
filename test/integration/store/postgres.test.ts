/**
 * The real PostgreSQL server: DATABASE_URL when set, else the local test server, always inside a
 * schema of this test's own, dropped afterwards.
 */

import pg from "pg";
import { describe, expect, it, onTestFinished } from "vitest";
import { type Database, openDatabase } from "../../../src/store/database.ts";
import { readMigrationFiles } from "../../../src/store/migration-files.ts";
import { dropSchema, openTestDatabase, testPostgresUrl, uniqueSchemaName } from "../../support/database.ts";

const migrationNames = readMigrationFiles().map((file) => file.name);

/** A schema name owned by the calling test; dropped when it ends (after its databases close). */
function ownSchema(): string {
  const schema = uniqueSchemaName("migrate");
  onTestFinished(() => dropSchema(testPostgresUrl(), schema));
  return schema;
}

async function open(schema: string): Promise<Database> {
  const database = await openDatabase({ databaseUrl: testPostgresUrl(), schema });
  onTestFinished(() => database.close());
  return database;
}

describe("PostgreSQL", () => {
  it("applies the migrations into the given schema once; opening again applies nothing", async () => {
    const schema = ownSchema();
    const first = await open(schema);
    expect(first.kind).toBe("postgres");
    expect(first.appliedMigrations).toEqual(migrationNames);

    await first.prisma.failedSend.create({
      data: {
        idempotencyKey: "send-1",
        platform: "console",
        chatId: "chat-1",
        message: { text: "你好" },
        error: "timeout",
        attempts: 5,
        failedAt: new Date(),
      },
    });
    const tables = await first.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text FROM information_schema.tables WHERE table_schema = ${schema}`;
    expect(tables.map((table) => table.table_name)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "failed_send", "dialog_session"]),
    );
    await first.close();

    const second = await open(schema);
    expect(second.appliedMigrations).toEqual([]);
    expect(await second.prisma.failedSend.count()).toBe(1);
  });

  it("two processes starting at once apply each migration only once", async () => {
    const schema = ownSchema();
    const [a, b] = await Promise.all([open(schema), open(schema)]);

    expect([a.appliedMigrations, b.appliedMigrations]).toEqual(expect.arrayContaining([migrationNames, []]));
    const rows = await a.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${schema}"."_prisma_migrations"`,
    );
    expect(rows[0]?.count).toBe(migrationNames.length);
  });

  it("says in Chinese what failed and what to check when the server cannot be reached", async () => {
    await expect(openDatabase({ databaseUrl: "postgresql://postgres@127.0.0.1:1/test" })).rejects.toThrow(
      /无法连接 PostgreSQL 数据库 127\.0\.0\.1:1\/test：.*ECONNREFUSED.*请检查 DATABASE_URL/,
    );
    await expect(openDatabase({ databaseUrl: "not a url" })).rejects.toThrow(/DATABASE_URL 不是有效的连接串/);
  });

  it("a test database on PostgreSQL is a schema of its own, dropped on close", async () => {
    const a = await openTestDatabase({ kind: "postgres" });
    const b = await openTestDatabase({ kind: "postgres" });
    onTestFinished(() => b.close());
    const schemaOf = async (database: Database) =>
      (await database.prisma.$queryRaw<{ schema: string }[]>`SELECT current_schema() AS schema`)[0]?.schema ??
      "";
    const schemaA = await schemaOf(a);
    expect(schemaA).toMatch(/^test_/);
    expect(await schemaOf(b)).not.toBe(schemaA);

    await a.close();
    const client = new pg.Client({ connectionString: testPostgresUrl() });
    await client.connect();
    try {
      const left = await client.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = $1", [
        schemaA,
      ]);
      expect(left.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});
