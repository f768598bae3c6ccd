/**
 * GET /desk/api/stream: server-sent events for the viewer's page — `changed` whenever the desk may
 * look different (an event handled, a job run, in any process), coalesced; a heartbeat keeps
 * proxies from closing it; everything is let go when the page goes.
 */
import type { FastifyInstance } from "fastify";
import type { DeskDeps } from "./desk-deps.ts";

const HEARTBEAT_MS = 20_000;

export function registerStreamRoutes(scope: FastifyInstance, deps: DeskDeps): void {
  scope.get("/desk/api/stream", (request, reply) => {
    deps.viewerOf(request); // 401 before the stream opens
    reply.hijack();
    reply.raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    reply.raw.write(": connected\n\n");
    const send = (event: string, data: unknown) =>
      reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send("availability", { ready: deps.availability.ready() });
    const unsubscribeAvailability = deps.availability.subscribe((ready) => send("availability", { ready }));
    const unsubscribe = deps.changes.subscribe(() => send("changed", { at: new Date().toISOString() }));
    const heartbeat = setInterval(() => reply.raw.write(": ping\n\n"), HEARTBEAT_MS);
    request.raw.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
      unsubscribeAvailability();
    });
  });
}
