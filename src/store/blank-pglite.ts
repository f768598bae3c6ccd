import { PGlite } from "@electric-sql/pglite";
import { memoUntilFailure } from "./memo-until-failure.ts";

const blankDump = memoUntilFailure(async () => {
  const first = await PGlite.create();
  try {
    return await first.dumpDataDir("none");
  } finally {
    await first.close();
  }
});

/**
 * A new, empty in-memory PGlite. Creating one runs initdb (2–4 s on our machines); loading a data
 * directory dumped right after initdb takes about 0.4 s. So the first call per process pays for
 * initdb once and every instance, that one included, is loaded from the dump.
 *
 * For throw-away databases: the schema engine's main and shadow databases, tests.
 */
export async function createBlankPglite(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await blankDump() });
}
