/**
 * GET /healthz: whether the database and Redis answer (200 when both do, 503 otherwise), within
 * {@link PROBE_LIMIT_MS}: Redis away answers at once from the connection's status; a database or a
 * Redis that does not answer is given up on at the limit, so a probe never hangs.
 */
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { PrismaClient } from "../store/generated/client.ts";

/** Below the 2 s a load balancer or the README promises, with room for the answer itself. */
export const PROBE_LIMIT_MS = 1500;

export function registerHealthRoute(
  app: FastifyInstance,
  deps: { prisma: PrismaClient; redis: Redis },
): void {
  app.get("/healthz", async (_request, reply) => {
    const [database, redis] = await Promise.all([
      check(() => deps.prisma.$queryRaw`SELECT 1`),
      check(() =>
        // A closed or reconnecting connection would queue the PING until Redis is back.
        deps.redis.status === "ready"
          ? deps.redis.ping()
          : Promise.reject(new Error(`reconnecting (${deps.redis.status})`)),
      ),
    ]);
    const ok = database === "ok" && redis === "ok";
    return reply.status(ok ? 200 : 503).send({ status: ok ? "ok" : "degraded", database, redis });
  });
}

async function check(probe: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), PROBE_LIMIT_MS);
      }),
    ]);
    return "ok";
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
}
