/**
 * The app's HTTP servers: the console's (page, API, health, status routes) and, when a webhook port
 * is set (`FEISHU_WEBHOOK_PORT`), one that serves the platforms' webhooks and nothing else — no
 * console, no page, no health — so publishing that port publishes only what Feishu must reach.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { PlatformRoutes } from "../bot/core/platform-adapter.ts";
import { fastifyHttpRoutes } from "./http-routes.ts";

export interface Address {
  host: string;
  port: number;
}

export function createHttpServer(log: Logger, component: "http" | "webhook"): FastifyInstance {
  return Fastify({
    // Request lines at info would drown the bot's own log; warnings and errors still show.
    loggerInstance: log.child({ component }, { level: "warn" }) as FastifyBaseLogger,
    forceCloseConnections: true,
    bodyLimit: 256 * 1024,
  });
}

/**
 * The platforms' routes: webhooks on a server of their own when `webhook` is given, else on the
 * console's server beside everything else (a local trial, or a reverse proxy that forwards only
 * the webhook path).
 */
export function platformRoutes(
  consoleServer: FastifyInstance,
  webhookServer: FastifyInstance | undefined,
): PlatformRoutes {
  const console = fastifyHttpRoutes(consoleServer);
  return { console, webhooks: webhookServer ? fastifyHttpRoutes(webhookServer) : console };
}
