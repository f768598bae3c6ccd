/**
 * The app's BullMQ queues in bull-board under /desk/queues, for admins only (401 when not signed
 * in, 403 for others): scheduled jobs, the platforms' sends and inbound events, with retry of
 * failed jobs. bull-board's page puts `style` attributes and a <style> in its HTML, so its routes
 * alone get `style-src 'unsafe-inline'`; scripts stay 'self' only, and Google Fonts stay blocked
 * (the page falls back to the system's fonts).
 */
import { Queue } from "bullmq";
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { QueueLocation } from "../../bot/core/inbound-queue.ts";
import { DeskRequestError } from "./desk-error.ts";
import { deskTexts as T } from "./desk-texts.ts";
import type { DeskViewerOf } from "./desk-viewer.ts";

export const QUEUES_PATH = "/desk/queues";

const QUEUE_BOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export async function registerQueueBoard(
  server: FastifyInstance,
  deps: { viewerOf: DeskViewerOf; redis: Redis; locations: readonly QueueLocation[] },
): Promise<void> {
  // bull-board is loaded with the HTTP server, not by every process that builds an app (tests, bench).
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([
    import("@bull-board/api"),
    import("@bull-board/api/bullMQAdapter"),
    import("@bull-board/fastify"),
  ]);
  const queues = deps.locations.map(
    ({ name, prefix }) => new Queue(name, { connection: deps.redis, prefix }),
  );
  const adapter = new FastifyAdapter();
  adapter.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: "快报任务队列", locale: { lng: "zh-CN" } } },
  });
  await server.register(async (scope) => {
    scope.addHook("onRequest", async (request, reply) => {
      try {
        const viewer = deps.viewerOf(request);
        if (!viewer.roles.includes("admin")) return reply.status(403).send({ error: T.adminOnly });
      } catch (error) {
        if (error instanceof DeskRequestError)
          return reply.status(error.status).send({ error: error.message });
        throw error;
      }
    });
    scope.addHook("onSend", async (_request, reply, payload) => {
      reply.header("content-security-policy", QUEUE_BOARD_CSP);
      return payload;
    });
    scope.addHook("onClose", async () => {
      await Promise.all(queues.map((q) => q.close()));
    });
    await scope.register(adapter.registerPlugin(), { prefix: QUEUES_PATH });
  });
}
