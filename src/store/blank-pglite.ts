import { PGlite } from "@electric-sql/pglite";

let blankDump: Promise<Blob> | undefined;

/**
 * A new, empty in-memory PGlite. Creating one runs initdb (2–4 s on our machines); loading a data
 * directory dumped right after initdb takes about 0.4 s. So the first call per process pays for
 * initdb once and every instance, that one included, is loaded from the dump.
 *
 * For throw-away databases: the schema engine's main and shadow databases, tests.
 */
export async function createBlankPglite(): Promise<PGlite> {
  blankDump ??= (async () => {
    const first = await PGlite.create();
    try {
      return await first.dumpDataDir("none");
    } finally {
      await first.close();
    }
  })().catch((error: unknown) => {
    blankDump = undefined;
    throw error;
  });
  return PGlite.create({ loadDataDir: await blankDump });
}
