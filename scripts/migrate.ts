/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the PGlite database in
 * DATA_DIR (default ./data, the database itself in ./data/pglite) when DATABASE_URL is not set.
 * The app does the same at start-up; this is for applying them ahead of time.
 */
import "dotenv/config";
import { join } from "node:path";
import { openDatabase } from "../src/store/database.ts";

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = join(process.env.DATA_DIR || "data", "pglite");

try {
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  const where = database.kind === "postgres" ? "PostgreSQL（DATABASE_URL）" : `PGlite（${dataDir}）`;
  if (database.appliedMigrations.length === 0) {
    console.log(`${where}：已是最新，没有待应用的迁移 / up to date`);
  } else {
    console.log(
      `${where}：已应用 / applied:\n${database.appliedMigrations.map((name) => `  ${name}`).join("\n")}`,
    );
  }
  await database.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
