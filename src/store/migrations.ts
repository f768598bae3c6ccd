/**
 * Our own `prisma migrate deploy`: applies the pending folders of prisma/migrations in order, each
 * in one transaction, and records them in `_prisma_migrations` exactly as Prisma's engine does, so
 * the native CLI accepts a database migrated by us (and we accept one migrated by it).
 *
 * Why not Prisma's engine: the native binary cannot be downloaded here, and the WASM build is an
 * internal package we only trust for development tools; applying SQL files needs a few queries.
 */
import { randomUUID } from "node:crypto";
import { checksumMatches, type MigrationFile, readMigrationFiles } from "./migration-files.ts";

/**
 * One database session, as the runner needs it. It must be a single connection: the advisory
 * lock and the transactions belong to the session.
 */
export interface MigrationConnection {
  /** One statement with `$1…` parameters; returns its rows. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** A script of several statements, without parameters. */
  exec(script: string): Promise<void>;
}

/** What to apply, and where. */
export interface MigrationOptions {
  /** Defaults to the repository's prisma/migrations. */
  migrations?: MigrationFile[];
  /** A PostgreSQL schema that the session's search_path points at; created if missing. */
  schema?: string;
}

/** The same key as Prisma's engine, so our runner and `prisma migrate deploy` exclude each other. */
const ADVISORY_LOCK_KEY = 72707369;

/** The table exactly as Prisma's schema engine creates it. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/** Quotes an SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Applies every migration not yet recorded as finished and returns their names (empty when the
 * database is up to date). Refuses, with a Chinese message saying what to do, when the recorded
 * history does not fit the files: a failed migration, an edited migration, or an applied
 * migration whose folder is missing.
 */
export async function applyPendingMigrations(
  connection: MigrationConnection,
  options: MigrationOptions = {},
): Promise<string[]> {
  const files = options.migrations ?? readMigrationFiles();
  await connection.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    if (options.schema !== undefined) {
      await connection.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`);
    }
    await connection.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await connection.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const applied = checkHistory(rows, files);
    const pending = files.filter((file) => !applied.has(file.name));
    for (const file of pending) await applyOne(connection, file);
    return pending.map((file) => file.name);
  } finally {
    await connection.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}

/** Returns the names of the migrations that count as applied, or throws if the history is broken. */
function checkHistory(rows: MigrationRow[], files: MigrationFile[]): Set<string> {
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((row) => row.migration_name).join("、");
    throw new Error(
      `数据库中有执行失败的迁移：${names}（_prisma_migrations 表中 finished_at 为空）。程序拒绝启动，以免在不完整的表结构上运行。` +
        `请先检查数据库并手工修复，然后把这条记录标记为已回滚（UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '…'，或在能联网的机器上用 prisma migrate resolve --rolled-back），再重新启动。`,
    );
  }
  const byName = new Map(files.map((file) => [file.name, file]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue;
    const file = byName.get(row.migration_name);
    if (file === undefined) {
      throw new Error(
        `数据库已应用迁移 ${row.migration_name}，但本程序的 prisma/migrations 中没有这个目录。` +
          `数据库可能被更新版本的程序迁移过：请部署包含该迁移的版本，或确认 DATABASE_URL 指向了正确的数据库。`,
      );
    }
    if (!checksumMatches(file, row.checksum)) {
      throw new Error(
        `迁移 ${row.migration_name} 已应用到数据库，但 prisma/migrations/${row.migration_name}/migration.sql 在应用后被修改过（校验和不一致）。` +
          `已应用的迁移不能再改：请恢复该文件的原内容，把改动放进一个新的迁移（npm run db:migrate:create -- <名称>）。`,
      );
    }
    applied.add(row.migration_name);
  }
  return applied;
}

async function applyOne(connection: MigrationConnection, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  await connection.exec("BEGIN");
  try {
    await connection.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, file.checksum, file.name],
    );
    await connection.exec(file.sql);
    await connection.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await connection.exec("COMMIT");
  } catch (error) {
    await connection.exec("ROLLBACK").catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `应用数据库迁移 ${file.name} 失败：${reason}。这个迁移已整体回滚，数据库停在上一个迁移的状态；请修正该迁移的 SQL 后重新启动。`,
      { cause: error },
    );
  }
}
