import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { createBlankPglite } from "../../../src/store/blank-pglite.ts";
import { pgliteMigrationConnection } from "../../../src/store/database.ts";
import { MIGRATIONS_DIR, readMigrationFiles } from "../../../src/store/migration-files.ts";
import { applyPendingMigrations } from "../../../src/store/migrations.ts";

const migrationNames = readMigrationFiles().map((file) => file.name);

async function blankPglite(): Promise<PGlite> {
  const pglite = await createBlankPglite();
  onTestFinished(() => pglite.close());
  return pglite;
}

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of prisma/migrations that a test may edit. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), "kuaibao-migrations-"));
  tempDirs.push(dir);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  mkdirSync(join(dir, name));
  writeFileSync(join(dir, name, "migration.sql"), sql);
}

describe("migration runner on PGlite", () => {
  it("applies every migration to a new database, records it like Prisma, and does nothing the second time", async () => {
    const pglite = await blankPglite();
    const connection = pgliteMigrationConnection(pglite);

    expect(migrationNames.length).toBeGreaterThan(0);
    expect(await applyPendingMigrations(connection)).toEqual(migrationNames);
    expect(await applyPendingMigrations(connection)).toEqual([]);

    const rows = await connection.query<{
      id: string;
      migration_name: string;
      checksum: string;
      finished: boolean;
      logs: string | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT id, migration_name, checksum, finished_at >= started_at AS finished, logs, rolled_back_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(rows).toEqual(
      readMigrationFiles().map((file) => ({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        migration_name: file.name,
        checksum: file.checksum,
        finished: true,
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      })),
    );
    const tables = await connection.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((table) => table.table_name)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "dialog_session", "console_message", "failed_send"]),
    );
  });

  it("refuses to start when an applied migration was edited afterwards", async () => {
    const dir = copyOfMigrations();
    const connection = pgliteMigrationConnection(await blankPglite());
    await applyPendingMigrations(connection, { migrations: readMigrationFiles(dir) });

    const first = migrationNames[0] ?? "";
    appendFileSync(join(dir, first, "migration.sql"), "\n-- an afterthought\n");
    addMigration(dir, "20990101000000_later", `CREATE TABLE "later" ("id" INTEGER);`);

    await expect(applyPendingMigrations(connection, { migrations: readMigrationFiles(dir) })).rejects.toThrow(
      new RegExp(`迁移 ${first} 已应用到数据库.*校验和不一致`),
    );
    const later = await connection.query(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'later'`,
    );
    expect(later).toEqual([]);
  });

  it("does not take other line endings for an edit", async () => {
    const dir = copyOfMigrations();
    const connection = pgliteMigrationConnection(await blankPglite());
    await applyPendingMigrations(connection, { migrations: readMigrationFiles(dir) });

    const path = join(dir, migrationNames[0] ?? "", "migration.sql");
    writeFileSync(path, readFileSync(path, "utf8").replaceAll("\n", "\r\n"));
    expect(await applyPendingMigrations(connection, { migrations: readMigrationFiles(dir) })).toEqual([]);
  });

  it("applies a migration that has its own BEGIN and COMMIT, as Prisma writes for some enum changes", async () => {
    const dir = copyOfMigrations();
    addMigration(
      dir,
      "20990101000000_enum",
      `-- AlterEnum\nBEGIN;\nCREATE TYPE "mood" AS ENUM ('calm', 'urgent');\nCOMMIT;\n\nCREATE TABLE "after_commit" ("m" "mood");\n`,
    );
    const connection = pgliteMigrationConnection(await blankPglite());

    expect(await applyPendingMigrations(connection, { migrations: readMigrationFiles(dir) })).toEqual([
      ...migrationNames,
      "20990101000000_enum",
    ]);
    expect(await applyPendingMigrations(connection, { migrations: readMigrationFiles(dir) })).toEqual([]);
  });

  it("refuses to start while a failed migration is recorded", async () => {
    const connection = pgliteMigrationConnection(await blankPglite());
    await applyPendingMigrations(connection);
    await connection.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
       VALUES (gen_random_uuid()::text, repeat('0', 64), '20990101000000_half_done', 'boom', now(), 0)`,
    );

    await expect(applyPendingMigrations(connection)).rejects.toThrow(
      /执行失败的迁移：20990101000000_half_done/,
    );

    // Marked rolled back (what `prisma migrate resolve --rolled-back` does), it no longer blocks.
    await connection.query(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '20990101000000_half_done'`,
    );
    expect(await applyPendingMigrations(connection)).toEqual([]);
  });

  it("refuses to start when the database has a migration this build does not know", async () => {
    const dir = copyOfMigrations();
    addMigration(dir, "20990101000000_newer", `CREATE TABLE "newer" ("id" INTEGER);`);
    const connection = pgliteMigrationConnection(await blankPglite());
    await applyPendingMigrations(connection, { migrations: readMigrationFiles(dir) });

    await expect(applyPendingMigrations(connection)).rejects.toThrow(/20990101000000_newer.*没有这个目录/);
  });

  it("rolls a failing migration back completely and records nothing, so the fixed file applies", async () => {
    const dir = copyOfMigrations();
    addMigration(
      dir,
      "20990101000000_broken",
      `CREATE TABLE "half" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n`,
    );
    const connection = pgliteMigrationConnection(await blankPglite());

    await expect(applyPendingMigrations(connection, { migrations: readMigrationFiles(dir) })).rejects.toThrow(
      /应用数据库迁移 20990101000000_broken 失败：.*no_such_table/,
    );
    expect(
      await connection.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`),
    ).toEqual([]);
    const recorded = await connection.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(migrationNames);

    writeFileSync(
      join(dir, "20990101000000_broken", "migration.sql"),
      `CREATE TABLE "half" ("id" INTEGER);\n`,
    );
    expect(await applyPendingMigrations(connection, { migrations: readMigrationFiles(dir) })).toEqual([
      "20990101000000_broken",
    ]);
  });
});
