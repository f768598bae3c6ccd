/**
 * Our runner and Prisma's own engine (its WASM build: the native one cannot be installed here)
 * must read and write `_prisma_migrations` the same way, so `prisma migrate deploy` on a machine
 * with the native CLI accepts our databases, and we accept theirs.
 */
import type { PGlite } from "@electric-sql/pglite";
import { describe, expect, it, onTestFinished } from "vitest";
import { createBlankPglite } from "../../../src/store/blank-pglite.ts";
import { pgliteMigrationConnection } from "../../../src/store/database.ts";
import { readMigrationFiles } from "../../../src/store/migration-files.ts";
import { applyPendingMigrations } from "../../../src/store/migrations.ts";
import { engineMigrationsList, withSchemaEngine } from "../../../src/store/schema-engine.ts";

const NO_FILTER = { externalTables: [], externalEnums: [] };
const migrationNames = readMigrationFiles().map((file) => file.name);

async function blankPglite(): Promise<PGlite> {
  const pglite = await createBlankPglite();
  onTestFinished(() => pglite.close());
  return pglite;
}

async function migrationsTableColumns(pglite: PGlite): Promise<unknown[]> {
  const result = await pglite.query(
    `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
     FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
  );
  return result.rows;
}

describe("compatibility with Prisma's migration engine", { timeout: 120_000 }, () => {
  it("Prisma's engine sees a database migrated by us as up to date, unedited and without failures", async () => {
    const pglite = await blankPglite();
    await applyPendingMigrations(pgliteMigrationConnection(pglite));

    const diagnosis = await withSchemaEngine(
      (engine) =>
        engine.diagnoseMigrationHistory({
          migrationsList: engineMigrationsList(),
          optInToShadowDatabase: false,
          filters: NO_FILTER,
        }),
      { database: pglite },
    );
    expect(diagnosis).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  });

  it("we accept a database migrated by Prisma's engine, and both create the same table", async () => {
    const byPrisma = await blankPglite();
    const applied = await withSchemaEngine(
      (engine) => engine.applyMigrations({ migrationsList: engineMigrationsList(), filters: NO_FILTER }),
      { database: byPrisma },
    );
    expect(applied.appliedMigrationNames).toEqual(migrationNames);
    expect(await applyPendingMigrations(pgliteMigrationConnection(byPrisma))).toEqual([]);

    const byUs = await blankPglite();
    await applyPendingMigrations(pgliteMigrationConnection(byUs));
    expect(await migrationsTableColumns(byUs)).toEqual(await migrationsTableColumns(byPrisma));
  });
});
