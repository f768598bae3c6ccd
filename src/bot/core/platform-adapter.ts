/**
 * A chat platform plugged into the app (the web console, Feishu, WeChat). The console is always
 * there (`src/app/console-platform.ts`, built by `createApp`); the others are created by
 * `src/app/platforms.ts` from the environment and handed to `createApp`, which starts them all after
 * the pipeline and queues exist and closes them first on shutdown.
 */

import type { DialogPresence } from "./dialog-presence.ts";
import type { QueueLocation } from "./inbound-queue.ts";
import type { InboundEvent } from "./message.ts";
import type { MessageSink } from "./message-sink.ts";
import type { InboundOutcome } from "./pipeline.ts";
import type { FileStore } from "./ports.ts";
import type { BotServices } from "./services.ts";
import type { UnboundEvent } from "./unbound.ts";

/** An HTTP request as a webhook sees it: the raw body, so signatures can be checked. */
export interface HttpRequest {
  rawBody: string;
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
}

export interface HttpResponse {
  status: number;
  body: unknown;
  contentType?: string;
}

/** Routes on one of the app's HTTP servers. */
export interface HttpRoutes {
  post(path: string, handler: (request: HttpRequest) => Promise<HttpResponse>): void;
  get(path: string, handler: (request: HttpRequest) => Promise<HttpResponse>): void;
}

/**
 * Where a platform's routes go. Webhooks are what a platform's servers call from outside, so they
 * can be published on a port of their own that serves nothing else; what people read (the WeChat
 * login QR code) stays with the console.
 */
export interface PlatformRoutes {
  /** On the webhook port when one is set (`FEISHU_WEBHOOK_PORT`), else on the console's port. */
  webhooks: HttpRoutes;
  /** Always on the console's port, never on the webhook port. */
  console: HttpRoutes;
}

export interface PlatformContext {
  services: BotServices;
  /** Hands an inbound event to the bot (dedupe, per-conversation order, router). */
  handle(event: InboundEvent): Promise<InboundOutcome>;
  /** Hands on what was said in a chat or from an account the org file does not know (unbound.ts). */
  handleUnbound(event: UnboundEvent): Promise<InboundOutcome>;
  /** Whether a person is in a dialog with the bot in a chat (text platforms route by it). */
  dialogs: DialogPresence;
  /** Where the files people send are kept (the adapter stores an attachment's bytes here first). */
  files: FileStore;
  /** Present when the app serves HTTP. */
  http?: PlatformRoutes;
}

export interface PlatformAdapter {
  /** Same as the sink's name: `console`, `feishu`, `wechat`. */
  readonly name: string;
  /** Delivers outbound messages for the chats this platform serves. */
  readonly sink: MessageSink;
  /** Where its events wait before they are handled, when on a Redis queue (the admins' queue board). */
  readonly inboundQueueLocation?: QueueLocation;
  /** Routes are registered before the HTTP server listens; connections open in `start`. */
  registerRoutes?(routes: PlatformRoutes, context: Omit<PlatformContext, "http">): void;
  start(context: PlatformContext): Promise<void>;
  /** Resolves when every event the platform has received (and queued) has been handed on and handled. */
  idle?(): Promise<void>;
  close(): Promise<void>;
}
