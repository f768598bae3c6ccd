import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's migrations folder, in Prisma's layout (`<YYYYMMDDHHMMSS_name>/migration.sql`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** The repository's Prisma schema, the target that new migrations are created from. */
export const SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

/**
 * One migration folder as found on disk. The checksum is computed the way Prisma records it in
 * `_prisma_migrations.checksum`, so rows written by our runner and by `prisma migrate deploy` agree.
 */
export interface MigrationFile {
  /** Folder name, e.g. `20261126061500_init`; also `_prisma_migrations.migration_name`. */
  name: string;
  /** The script, decoded as UTF-8. */
  sql: string;
  /** Lowercase hex SHA-256 of the raw bytes of `migration.sql`. */
  checksum: string;
}

const FOLDER_NAME = /^\d{14}_[A-Za-z0-9_]+$/;

/** Lowercase hex SHA-256, as in `_prisma_migrations.checksum`. */
export function migrationChecksum(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Whether a recorded checksum belongs to this file. Besides the exact bytes, the same script with
 * other line endings matches, so a checkout with CRLF line endings (git on Windows) is not taken
 * for an edited migration.
 */
export function checksumMatches(file: MigrationFile, recorded: string): boolean {
  if (file.checksum === recorded) return true;
  const lf = file.sql.replaceAll("\r\n", "\n");
  return migrationChecksum(lf) === recorded || migrationChecksum(lf.replaceAll("\n", "\r\n")) === recorded;
}

/** Reads every migration folder under `dir`, oldest first (folder names sort by their timestamp). */
export function readMigrationFiles(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) return [];
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && FOLDER_NAME.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of folders) {
    const path = join(dir, name, "migration.sql");
    if (!existsSync(path)) {
      throw new Error(`迁移目录 ${name} 中缺少 migration.sql（${path}），请补上该文件或删除这个空目录。`);
    }
    const bytes = readFileSync(path);
    files.push({ name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) });
  }
  return files;
}
