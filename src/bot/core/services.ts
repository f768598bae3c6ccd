/** What every handler is handed: the ports, the directory, the policy and the database client. */
import type { Logger } from "pino";
import type { Policy } from "../../config/policy.ts";
import type { DutyRoster } from "../../config/roster.ts";
import type { ZeroReportPolicy } from "../../config/zero-report-policy.ts";
import type { PrismaClient } from "../../store/generated/client.ts";
import type { Directory } from "./directory.ts";
import type { Clock, Messenger, Scheduler } from "./ports.ts";

export interface BotServices {
  directory: Directory;
  policy: Policy;
  /** Who is on duty on which day (empty when the office keeps no roster file). */
  roster: DutyRoster;
  /** Which units owe a daily zero report, when, by which cut-off (absent: none are asked for). */
  zeroReport?: ZeroReportPolicy;
  messenger: Messenger;
  scheduler: Scheduler;
  clock: Clock;
  prisma: PrismaClient;
  log: Logger;
}

/** The database client as adapters see it (they import core only). */
export type { PrismaClient as DatabaseClient } from "../../store/generated/client.ts";
