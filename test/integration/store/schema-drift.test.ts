/**
 * prisma/schema.prisma and prisma/migrations must describe the same database. This fails when
 * someone edits the schema without creating a migration, and when the internal WASM engine
 * package (@prisma/schema-engine-wasm, pinned) stops working.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { SCHEMA_PATH } from "../../../src/store/migration-files.ts";
import { diffMigrationsToSchema, proposeMigration } from "../../../src/store/schema-engine.ts";

/** The repository's schema plus one more model, in a temporary file. */
function schemaWithExtraModel(): string {
  const dir = mkdtempSync(join(tmpdir(), "kuaibao-schema-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, "schema.prisma");
  writeFileSync(
    path,
    `${readFileSync(SCHEMA_PATH, "utf8")}\nmodel DriftProbe {\n  id Int @id\n\n  @@map("drift_probe")\n}\n`,
  );
  return path;
}

describe("schema drift", { timeout: 120_000 }, () => {
  it("the migrations folder produces exactly prisma/schema.prisma", async () => {
    const drift = await diffMigrationsToSchema();
    expect(
      drift.changed,
      `prisma/schema.prisma 有改动但没有对应的迁移。请运行 npm run db:migrate:create -- <名称> 并提交生成的目录。缺少的 SQL：\n${drift.sql}`,
    ).toBe(false);
    expect(await proposeMigration("nothing")).toBeNull();
  });

  it("notices a model that no migration creates, and proposes the migration for it", async () => {
    const schemaPath = schemaWithExtraModel();

    const drift = await diffMigrationsToSchema({ schemaPath });
    expect(drift.changed).toBe(true);
    expect(drift.sql).toContain(`CREATE TABLE "drift_probe"`);

    const proposed = await proposeMigration("drift_probe", { schemaPath });
    expect(proposed?.folderName).toMatch(/^\d{14}_drift_probe$/);
    expect(proposed?.sql).toContain(`CREATE TABLE "drift_probe"`);
  });
});
