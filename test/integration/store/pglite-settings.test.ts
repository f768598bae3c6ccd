import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { isPgliteDataDir, openDatabase } from "../../../src/store/database.ts";
import { readMigrationFiles } from "../../../src/store/migration-files.ts";

describe("PGlite's memory settings (issue 13)", () => {
  it("creates a new data folder, migrated, and runs it with a 16MB buffer pool", {
    timeout: 120_000,
  }, async () => {
    const root = mkdtempSync(join(tmpdir(), "kuaibao-pglite-settings-"));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const dataDir = join(root, "pglite");
    expect(isPgliteDataDir(dataDir)).toBe(false);

    const database = await openDatabase({ dataDir });
    onTestFinished(() => database.close());

    expect(isPgliteDataDir(dataDir)).toBe(true);
    expect(database.appliedMigrations).toEqual(readMigrationFiles().map((file) => file.name));
    const settings = await database.prisma.$queryRawUnsafe<{ name: string; setting: string; unit: string }[]>(
      "SELECT name, setting, unit FROM pg_settings WHERE name = 'shared_buffers'",
    );
    expect(settings).toEqual([{ name: "shared_buffers", setting: "2048", unit: "8kB" }]);
  });
});
