/**
 * The {@link HttpRoutes} port over Fastify: platform webhooks get the raw body (to check
 * signatures) and answer with a status and a body, without seeing Fastify.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { HttpRequest, HttpResponse, HttpRoutes } from "../bot/core/platform-adapter.ts";
import { PLATFORM_WEBHOOK } from "./console-auth/host-guard.ts";

export function fastifyHttpRoutes(server: FastifyInstance): HttpRoutes {
  const route =
    (handler: (request: HttpRequest) => Promise<HttpResponse>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const response = await handler({
        rawBody: typeof request.body === "string" ? request.body : "",
        headers: flatten(request.headers),
        query: flatten(request.query as Record<string, unknown>),
      });
      reply.status(response.status);
      if (response.contentType) reply.type(response.contentType);
      return response.body;
    };
  return {
    post(path, handler) {
      // Raw text for this route only: the console's JSON routes keep Fastify's parser.
      server.register(async (scope) => {
        scope.removeAllContentTypeParsers();
        scope.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));
        // Server to server, signed by the platform: no browser Origin to check.
        scope.post(path, { config: { [PLATFORM_WEBHOOK]: true } }, route(handler));
      });
    },
    get(path, handler) {
      server.get(path, route(handler));
    },
  };
}

function flatten(source: Record<string, unknown> | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(source ?? {}))
    out[key] = Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
  return out;
}
