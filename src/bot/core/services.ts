/**
 * What every handler is handed: the ports, the directory and the database client. What a
 * capability reads of the configuration (its rules, the office's time zone and roster) it is given
 * through its factory when it is registered (src/handlers/index.ts).
 */
import type { Logger } from "pino";
import type { PrismaClient } from "../../store/generated/client.ts";
import type { Directory } from "./directory.ts";
import type { Clock, FileStore, Messenger, Scheduler } from "./ports.ts";

export interface BotServices {
  directory: Directory;
  messenger: Messenger;
  scheduler: Scheduler;
  clock: Clock;
  database: PrismaClient;
  log: Logger;
  /** Where the files people send are kept; handlers read its `maxBytes` (to name the limit), not bytes. */
  files?: FileStore;
}

/** The database client as adapters see it (they import core only). */
export type { PrismaClient as DatabaseClient } from "../../store/generated/client.ts";
