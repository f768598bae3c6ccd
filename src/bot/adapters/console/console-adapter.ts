/**
 * The web console as a platform: its history in the database (what the page shows), the sink that
 * delivers the bot's messages there, the inbox a person acts through, and its page and JSON API.
 * What a person says or presses is stored, put on the console's durable inbound queue and handled
 * by the queue's worker, as Feishu's events are; the request waits for that handling. Built by
 * `src/app/console-platform.ts`; the app always has one (the transcript runner acts through its
 * inbox), and serves its page unless the console is off.
 */
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import type { Directory } from "../../core/directory.ts";
import { fromQueuedEvent, type InboundQueue } from "../../core/inbound-queue.ts";
import type { InboundOutcome } from "../../core/pipeline.ts";
import type { PlatformAdapter, PlatformContext } from "../../core/platform-adapter.ts";
import type { Clock, FileStore } from "../../core/ports.ts";
import type { DatabaseClient } from "../../core/services.ts";
import type { WorkAvailability } from "../../core/work-availability.ts";
import { CONSOLE_PLATFORM } from "./console-decode.ts";
import { ConsoleHistory } from "./console-history.ts";
import { type ConsoleInboundJob, ConsoleInbox } from "./console-inbox.ts";
import { registerConsoleRoutes } from "./console-routes.ts";
import { ConsoleSink } from "./console-sink.ts";
import type { ViewerOf } from "./console-viewer.ts";

const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));

export interface ConsoleAdapterOptions {
  directory: Directory;
  database: DatabaseClient;
  clock: Clock;
  /** Where photos uploaded in the page are kept; without one (some tests) the page cannot upload. */
  files?: FileStore;
  /** Where the inbox puts what people do; its worker starts in `start`. */
  inboundQueue: InboundQueue<ConsoleInboundJob, InboundOutcome>;
}

export class ConsoleAdapter implements PlatformAdapter {
  readonly name = CONSOLE_PLATFORM;
  readonly history: ConsoleHistory;
  readonly sink: ConsoleSink;
  /** Acting as a person in the console (the routes and the transcript runner use it). */
  readonly inbox: ConsoleInbox;

  get inboundQueueLocation() {
    return this.options.inboundQueue.location;
  }

  constructor(private readonly options: ConsoleAdapterOptions) {
    const { directory, database, clock, inboundQueue } = options;
    this.history = new ConsoleHistory(database, directory, () => clock.now());
    this.sink = new ConsoleSink(this.history, directory);
    this.inbox = new ConsoleInbox(directory, this.history, inboundQueue, clock, options.files);
  }

  /**
   * The page and its JSON API on the app's server. The app decides who asks (`viewerOf`, its
   * sign-in) and whether the bot can take work now (`availability`).
   */
  async serve(
    server: FastifyInstance,
    access: { viewerOf: ViewerOf; availability: WorkAvailability },
  ): Promise<void> {
    await server.register(fastifyStatic, { root: PUBLIC_DIR });
    registerConsoleRoutes(server, {
      directory: this.options.directory,
      history: this.history,
      inbox: this.inbox,
      files: this.options.files,
      ...access,
    });
  }

  async start(context: PlatformContext): Promise<void> {
    this.options.inboundQueue.start((job) => context.handle(fromQueuedEvent(job.event)));
  }

  /** Resolves when everything queued has been handled. */
  idle(): Promise<void> {
    return this.options.inboundQueue.idle();
  }

  /** Stops the worker; what is still queued is handled by the next start on the same Redis. */
  close(): Promise<void> {
    return this.options.inboundQueue.close();
  }
}
