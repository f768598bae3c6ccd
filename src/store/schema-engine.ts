/**
 * Prisma's schema engine, compiled to WebAssembly, driven by us over in-memory PGlite databases.
 *
 * Why: the Prisma CLI's `migrate dev|diff` need a native engine binary that cannot be downloaded
 * on our machines, while the WASM build of the same engine ships on npm as
 * `@prisma/schema-engine-wasm` (internal, undocumented, pinned exactly in package.json). It needs
 * no database server here: both the "main" and the shadow database are throw-away PGlite
 * instances, so creating a migration or checking for drift touches nothing real.
 *
 * Only development tools use this (scripts/migration-create.ts, the drift and compatibility
 * tests); the app applies migrations with its own runner (migrations.ts).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { messages, type PGlite } from "@electric-sql/pglite";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createBlankPglite } from "./blank-pglite.ts";
import { MIGRATIONS_DIR, readMigrationFiles, SCHEMA_PATH } from "./migration-files.ts";

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/** The wasm-bindgen glue module; typed by hand because its `.d.ts` only declares the raw exports. */
interface EngineGlue {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: typeof SchemaEngine.new };
  version(): string;
}

let glue: Promise<EngineGlue> | undefined;

/**
 * Node 20 cannot `import` a `.wasm` file (the package's entry point does), so we load the JS glue
 * and instantiate the WASM module ourselves, once per process.
 */
function loadEngineGlue(): Promise<EngineGlue> {
  glue ??= (async () => {
    const bgModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = bgModule as unknown as EngineGlue;
    const entry = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
    const bytes = readFileSync(join(dirname(entry), "schema_engine_bg.wasm"));
    const module = await WebAssembly.compile(bytes);
    const instance = await WebAssembly.instantiate(module, {
      "./schema_engine_bg.js": bgModule as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return glue;
}

function toDriverError(error: unknown): unknown {
  if (error instanceof messages.DatabaseError) {
    return new DriverAdapterError({
      kind: "postgres",
      code: error.code ?? "",
      severity: error.severity ?? "ERROR",
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
    });
  }
  return error;
}

/**
 * pglite-prisma-adapter 0.7 does not await `exec` in `executeScript` (errors are lost), and the
 * engine replays each `migration.sql` on the shadow database through an argument-less
 * `executeRaw`, which PGlite's extended protocol rejects for multi-statement scripts.
 */
function scriptSafe(inner: SqlDriverAdapter, db: PGlite): SqlDriverAdapter {
  const executeScript = async (script: string): Promise<void> => {
    try {
      await db.exec(script);
    } catch (error) {
      throw toDriverError(error);
    }
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => inner.queryRaw(query),
    executeRaw: async (query) => {
      if (query.args.length > 0) return inner.executeRaw(query);
      await executeScript(query.sql);
      return 0;
    },
    executeScript,
    startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose: () => inner.dispose(),
  };
}

/**
 * The engine's databases: the main one is `main` when given (left open), else a throw-away PGlite;
 * every shadow database is a fresh in-memory PGlite. `close()` closes what we opened.
 */
class PgliteDatabases implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "kuaibao-pglite";
  private readonly opened: PGlite[] = [];

  constructor(private readonly main?: PGlite) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.main ? this.adapterFor(this.main) : this.open();
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.open();
  }

  private async open(): Promise<SqlDriverAdapter> {
    const db = await createBlankPglite();
    this.opened.push(db);
    return this.adapterFor(db);
  }

  private async adapterFor(db: PGlite): Promise<SqlDriverAdapter> {
    return scriptSafe(await new PrismaPGlite(db).connect(), db);
  }

  async close(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((db) => db.close()));
  }
}

/** The migrations folder as the engine wants it, read from disk by us. */
export function engineMigrationsList(dir: string = MIGRATIONS_DIR): MigrationList {
  let lockContent: string | null = null;
  try {
    lockContent = readFileSync(join(dir, "migration_lock.toml"), "utf8");
  } catch {
    lockContent = null;
  }
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: readMigrationFiles(dir).map((file) => ({
      path: file.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: file.sql } },
    })),
  };
}

/**
 * Runs `work` with a fresh engine for the schema at `schemaPath` (default prisma/schema.prisma),
 * over `options.database` as main database when given (for tests comparing our runner with
 * Prisma's), else over a throw-away PGlite; frees the engine and closes what it opened.
 */
export async function withSchemaEngine<T>(
  work: (engine: SchemaEngine) => Promise<T>,
  options: { schemaPath?: string; database?: PGlite } = {},
): Promise<T> {
  const bg = await loadEngineGlue();
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const databases = new PgliteDatabases(options.database);
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(databases),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await databases.close();
  }
}

/** The Prisma schema file as the engine wants it. */
function schemaFiles(schemaPath: string) {
  return { files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] };
}

/** A migration the engine proposes: the folder name to create and its script. */
export interface ProposedMigration {
  folderName: string;
  sql: string;
}

/**
 * What `prisma migrate dev --create-only --name <name>` would write, or `null` if the migrations
 * already produce the schema.
 */
export async function proposeMigration(
  name: string,
  options: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<ProposedMigration | null> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  return withSchemaEngine(
    async (engine) => {
      const migrationsList = engineMigrationsList(options.migrationsDir);
      // Measured with the 7.10.0 WASM build: `createMigration` alone fails with "PostgreSQL shadow DB
      // must be provided through an external factory"; it reuses the migrations' schema that
      // `devDiagnostic` computes on the shadow database. So we follow the CLI's `migrate dev` order:
      // bring the throw-away main database up to date, diagnose, then create.
      await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      const diagnostic = await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
      if (diagnostic.action.tag === "reset") {
        throw new Error(`迁移目录与其应用结果不一致，无法生成新迁移：${diagnostic.action.reason}`);
      }
      const output = await engine.createMigration({
        draft: false,
        migrationName: name,
        migrationsList,
        schema: schemaFiles(schemaPath),
        filters: NO_FILTER,
      });
      if (output.migrationScript === null) return null;
      return { folderName: output.generatedMigrationName, sql: output.migrationScript };
    },
    { schemaPath },
  );
}

/** What it takes to go from the migrations folder to the schema. */
export interface SchemaDrift {
  /** False when the migrations already produce exactly the schema. */
  changed: boolean;
  /** The SQL that would close the gap (a comment only when nothing changed). */
  sql: string;
}

/**
 * Compares a database built from the migrations folder with the schema, like
 * `prisma migrate diff --from-migrations … --to-schema … --script --exit-code`.
 */
export async function diffMigrationsToSchema(
  options: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<SchemaDrift> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  return withSchemaEngine(
    async (engine) => {
      const result = await engine.diff({
        from: { tag: "migrations", ...engineMigrationsList(options.migrationsDir) },
        to: { tag: "schemaDatamodel", ...schemaFiles(schemaPath) },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      // With exitCode set, the engine answers 2 when the diff is not empty.
      return { changed: result.exitCode !== 0, sql: result.stdout ?? "" };
    },
    { schemaPath },
  );
}
