/**
 * A bot data folder whose PGlite already holds every migration, for tests that start the real bot
 * as a child process. A first start on an empty folder runs initdb and all migrations (about 13 s
 * of CPU); one on a migrated folder only opens it. The migrated folder is written once per test
 * process, from the migrated dump the in-memory test databases load too, and copied for each bot.
 */
import { existsSync, rmSync } from "node:fs";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { migratedPgliteDump } from "../../src/store/fresh-database.ts";
import { memoUntilFailure } from "../../src/store/memo-until-failure.ts";

/** Where the bot keeps its PGlite inside its data folder (`DATA_DIR`). */
const PGLITE_FOLDER = "pglite";

const migratedTemplate = memoUntilFailure(async () => {
  const dir = await mkdtemp(join(tmpdir(), "kuaibao-migrated-pglite-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const pglite = await PGlite.create({
    dataDir: join(dir, PGLITE_FOLDER),
    loadDataDir: await migratedPgliteDump(),
  });
  await pglite.close();
  return join(dir, PGLITE_FOLDER);
});

/** Gives `dataDir` a migrated PGlite unless it has one already (a restart keeps what the bot wrote). */
export async function seedMigratedPglite(dataDir: string): Promise<void> {
  const target = join(dataDir, PGLITE_FOLDER);
  if (existsSync(target)) return;
  await cp(await migratedTemplate(), target, { recursive: true });
}
