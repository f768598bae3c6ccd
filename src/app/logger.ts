/**
 * The bot's log: readable lines (time, level, message) for a person watching `npm start` in a
 * terminal, JSON lines for a log collector. `LOG_FORMAT` chooses; by default a terminal gets lines.
 */
import { type Logger, pino } from "pino";
import pretty from "pino-pretty";
import type { Env } from "../config/env.ts";

export function createLogger(env: Pick<Env, "LOG_LEVEL" | "LOG_FORMAT">, isTerminal: boolean): Logger {
  const options = { level: env.LOG_LEVEL, base: { app: "kuaibao" } };
  const format = env.LOG_FORMAT ?? (isTerminal ? "pretty" : "json");
  if (format === "json") return pino(options);
  return pino(
    options,
    pretty({ colorize: isTerminal, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,app", sync: true }),
  );
}
