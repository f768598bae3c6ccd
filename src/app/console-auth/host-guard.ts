/**
 * Host and Origin checks on every request, in every console mode: a Host that is not the bot's own
 * address, localhost or PUBLIC_URL's host is refused (a DNS-rebinding page cannot drive a
 * loopback console), and a state-changing request needs an Origin (or a Referer) of the same set.
 * Platform webhooks (server to server, signature-checked) are exempt from the Origin rule.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { consoleTexts as T } from "../../bot/adapters/console/console-texts.ts";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The Host values (`host:port`, lower case) the bot answers to. */
export function allowedHosts(options: { host: string; port: number; publicUrl?: string }): Set<string> {
  const { host, port } = options;
  const bracket = (h: string) => (h.includes(":") && !h.startsWith("[") ? `[${h}]` : h);
  const hosts = new Set<string>(
    [host, "localhost", "127.0.0.1", "[::1]"].map((h) => `${bracket(h).toLowerCase()}:${port}`),
  );
  if (port === 80 || port === 443)
    for (const h of [host, "localhost", "127.0.0.1", "[::1]"]) hosts.add(bracket(h));
  if (options.publicUrl) hosts.add(new URL(options.publicUrl).host.toLowerCase());
  return hosts;
}

/** The host of an Origin or Referer header, or undefined when it has none or is not a URL. */
function originHost(value: string | undefined): string | undefined {
  if (!value || value === "null") return undefined;
  try {
    return new URL(value).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Marks a route as a platform webhook: no Origin needed (the platform signs its requests). */
export const PLATFORM_WEBHOOK = "platformWebhook";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A platform's webhook: exempt from the Origin rule. */
    platformWebhook?: boolean;
  }
}

export function registerHostGuard(
  server: FastifyInstance,
  options: { host: string; publicUrl?: string },
): void {
  let hosts: Set<string> | undefined;
  const allowed = () => {
    if (hosts) return hosts;
    const address = server.addresses()[0];
    const port = typeof address === "object" && address ? address.port : 0;
    hosts = allowedHosts({ host: options.host, port, publicUrl: options.publicUrl });
    return hosts;
  };
  server.addHook("onRequest", async (request: FastifyRequest, reply) => {
    const host = request.headers.host?.toLowerCase();
    if (!host || !allowed().has(host)) return reply.status(421).send({ error: T.hostRefused });
    if (!STATE_CHANGING.has(request.method)) return;
    if (request.routeOptions.config?.platformWebhook) return;
    const from = originHost(request.headers.origin) ?? originHost(request.headers.referer);
    if (!from || !allowed().has(from)) return reply.status(403).send({ error: T.originRefused });
  });
}
