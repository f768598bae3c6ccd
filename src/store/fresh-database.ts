/**
 * Fresh, fully migrated in-memory PGlite databases, fast: creating a PGlite runs initdb (2–4 s
 * here), so the first one is dumped right after its migrations and each later one loads that dump
 * (under 1 s). Used where every run owns its data: transcripts, tests, the benchmark.
 */
import { type Database, usePglite } from "./database.ts";
import { memoUntilFailure } from "./memo-until-failure.ts";
import { PgliteThread } from "./pglite-thread/pglite-thread.ts";

/**
 * The data directory of a PGlite with every migration applied, as a dump (made once per process).
 * Made on a thread of its own, ended afterwards: initdb's WebAssembly memory (about 500 MiB) would
 * otherwise stay in the process for its lifetime (issue 13).
 */
export const migratedPgliteDump = memoUntilFailure(async () => {
  const pglite = await PgliteThread.start({});
  const database = await usePglite(pglite);
  try {
    return await pglite.dumpDataDir();
  } finally {
    await database.close();
  }
});

/** A new in-memory PGlite with every migration applied; the caller closes it. */
export async function openFreshDatabase(): Promise<Database> {
  return usePglite(await PgliteThread.start({ loadDataDir: await migratedPgliteDump() }));
}
