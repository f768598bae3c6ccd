/**
 * The console branch of the platforms: the adapter with its durable inbound queue on the app's
 * Redis connection, under the app's queue prefix (`inbound-console`). Processes sharing the prefix
 * share the queue, so what one accepted is handled by any of them, or by the next one to start.
 */

import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { ConsoleAdapter } from "../bot/adapters/console/console-adapter.ts";
import { CONSOLE_PLATFORM } from "../bot/adapters/console/console-decode.ts";
import type { Directory } from "../bot/core/directory.ts";
import type { Clock, FileStore } from "../bot/core/ports.ts";
import type { DatabaseClient } from "../bot/core/services.ts";
import { BullmqInboundQueue } from "../queue/bullmq-inbound-queue.ts";

export function createConsolePlatform(options: {
  redis: Redis;
  prefix: string;
  directory: Directory;
  database: DatabaseClient;
  clock: Clock;
  log: Logger;
  /** Where the photos people upload in the page are kept. */
  files?: FileStore;
  /** Other processes use the same prefix (a shared database); false when this app is alone (PGlite). */
  shared: boolean;
}): ConsoleAdapter {
  return new ConsoleAdapter({
    directory: options.directory,
    database: options.database,
    clock: options.clock,
    files: options.files,
    inboundQueue: new BullmqInboundQueue({
      connection: options.redis,
      prefix: options.prefix,
      platform: CONSOLE_PLATFORM,
      log: options.log.child({ platform: CONSOLE_PLATFORM }),
      shared: options.shared,
    }),
  });
}
