/** What every handler is handed: the ports, the directory, the policy and the database client. */
import type { Logger } from "pino";
import type { Policy } from "../../config/policy.ts";
import type { PrismaClient } from "../../store/generated/client.ts";
import type { Directory } from "./directory.ts";
import type { Clock, Messenger, Scheduler } from "./ports.ts";

export interface BotServices {
  directory: Directory;
  policy: Policy;
  messenger: Messenger;
  scheduler: Scheduler;
  clock: Clock;
  prisma: PrismaClient;
  log: Logger;
}

/** The database client as adapters see it (they import core only). */
export type { PrismaClient as DatabaseClient } from "../../store/generated/client.ts";
