/**
 * The app the breakdown tools (breakdown.ts, incident-breakdown.ts) measure: the synthetic office on
 * an in-process, instrumented PGlite (so statement costs are its own), real Redis, its own queue
 * prefix; `close()` undoes it all.
 */
import { PGlite } from "@electric-sql/pglite";
import { usePglite } from "../src/store/database.ts";
import { startBenchApp } from "./bench-app.ts";
import { deletePrefixedKeys, openBenchRedis, uniqueBenchPrefix } from "./environment.ts";
import { instrumentPglite } from "./instrument.ts";
import { syntheticOffice } from "./synthetic-office.ts";

export async function startInstrumentedApp(root: string) {
  const office = await syntheticOffice(root, 64, 4);
  const redis = await openBenchRedis(root, process.env.REDIS_URL, () => {});
  const prefix = uniqueBenchPrefix();
  const pglite = await PGlite.create();
  const database = await usePglite(pglite);
  const pg = instrumentPglite(pglite);
  const { app, control } = await startBenchApp({
    config: office.config,
    prisma: database.prisma,
    sharedDatabase: false,
    redisUrl: redis.url,
    prefix,
  });
  return {
    office,
    redis,
    prefix,
    pglite,
    database,
    pg,
    app,
    control,
    async close() {
      await app.close();
      control.disconnect();
      await database.close();
      await deletePrefixedKeys(redis.url, prefix);
      await redis.stop();
    },
  };
}
