/**
 * The web desk (值班台) on the console's server: its page, its JSON API (board, items and actions,
 * documents and files, the live stream, who views), and the admins' queue board. Not served when
 * the console is off; the "view as anyone" pick only in the demo on a loopback address.
 */
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { ConsoleInbox } from "../../bot/adapters/console/console-inbox.ts";
import type { Capability } from "../../bot/core/capability.ts";
import type { QueueLocation } from "../../bot/core/inbound-queue.ts";
import type { BotServices } from "../../bot/core/services.ts";
import type { WorkAvailability } from "../../bot/core/work-availability.ts";
import { isLoopbackHost } from "../console-auth/console-mode.ts";
import { registerBoardRoutes } from "./board-routes.ts";
import type { DeskChanges } from "./desk-changes.ts";
import { DeskContent } from "./desk-content.ts";
import type { DeskDeps } from "./desk-deps.ts";
import { setDeskErrorHandler } from "./desk-error.ts";
import { deskViewerOf } from "./desk-viewer.ts";
import { registerDocumentRoutes } from "./document-routes.ts";
import { registerItemRoutes } from "./item-routes.ts";
import { registerPageRoutes } from "./page-routes.ts";
import { registerQueueBoard } from "./queue-board.ts";
import { registerStreamRoutes } from "./stream-routes.ts";
import { registerViewerRoutes } from "./viewer-routes.ts";

export interface DeskOptions {
  /** The console's mode: `demo` is honoured only on a loopback `host`; `off` is not passed here. */
  consoleMode: "demo" | "signin";
  host: string;
  /** The office time zone: the page shows times in it. */
  timezone: string;
  capabilities: readonly Capability[];
  services: BotServices;
  inbox: ConsoleInbox;
  availability: WorkAvailability;
  changes: DeskChanges;
  /** The app's Redis and the BullMQ queues the admins' board shows. */
  queues: { redis: Redis; locations: readonly QueueLocation[] };
}

export async function registerDesk(server: FastifyInstance, options: DeskOptions): Promise<void> {
  const { services } = options;
  const mode = options.consoleMode === "demo" && isLoopbackHost(options.host) ? "demo" : "signin";
  const deps: DeskDeps = {
    mode,
    directory: services.directory,
    content: new DeskContent(options.capabilities, services),
    viewerOf: deskViewerOf(services.directory, mode),
    inbox: options.inbox,
    availability: options.availability,
    changes: options.changes,
    files: services.files,
  };
  await options.changes.listen();
  server.addHook("onClose", () => options.changes.close());
  await server.register(async (scope) => {
    setDeskErrorHandler(scope);
    registerViewerRoutes(scope, deps);
    registerBoardRoutes(scope, deps);
    registerItemRoutes(scope, deps);
    registerDocumentRoutes(scope, deps);
    registerStreamRoutes(scope, deps);
  });
  await registerPageRoutes(server, options.timezone);
  await registerQueueBoard(server, { viewerOf: deps.viewerOf, ...options.queues });
}
