/**
 * The real bot as a child process serving the console on a free port, on a given data folder and
 * queue prefix (the test Redis), ready once /healthz says the database and Redis are fine. A new
 * data folder of a bot on PGlite gets an already migrated one first (see `migrated-data-folder.ts`).
 */
import { findFreePort } from "../../src/app/redis-server/redis-port.ts";
import { type BotProcess, startBotProcess } from "./bot-process.ts";
import { seedMigratedPglite } from "./migrated-data-folder.ts";
import { testRedisUrl } from "./redis.ts";
import { waitFor } from "./wait-for.ts";

export interface BotServer {
  bot: BotProcess;
  url: string;
}

export async function startBotServer(options: {
  dataDir: string;
  prefix: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<BotServer> {
  // A bot on PostgreSQL (DATABASE_URL given) keeps no PGlite.
  if (!options.env?.DATABASE_URL) await seedMigratedPglite(options.dataDir);
  const port = await findFreePort();
  const bot = startBotProcess({
    DATA_DIR: options.dataDir,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: options.prefix,
    HOST: "127.0.0.1",
    PORT: String(port),
    ...options.env,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitFor("the bot's /healthz", async () => (await fetch(`${url}/healthz`)).status === 200, {
        timeoutMs: options.timeoutMs ?? 60_000,
        intervalMs: 100,
      }),
      bot.exited.then(({ code, signal }) => {
        throw new Error(`the bot exited (code ${code}, signal ${signal})`);
      }),
    ]);
  } catch (error) {
    await bot.kill();
    throw new Error(`${(error as Error).message}\n${bot.output()}`);
  }
  return { bot, url };
}
