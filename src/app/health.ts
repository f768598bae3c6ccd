/** GET /healthz: whether the database and Redis answer (200 when both do, 503 otherwise). */
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { PrismaClient } from "../store/generated/client.ts";

export function registerHealthRoute(
  app: FastifyInstance,
  deps: { prisma: PrismaClient; redis: Redis },
): void {
  app.get("/healthz", async (_request, reply) => {
    const [database, redis] = await Promise.all([
      check(() => deps.prisma.$queryRaw`SELECT 1`),
      check(() => deps.redis.ping()),
    ]);
    const ok = database === "ok" && redis === "ok";
    return reply.status(ok ? 200 : 503).send({ status: ok ? "ok" : "degraded", database, redis });
  });
}

async function check(probe: () => Promise<unknown>): Promise<string> {
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000)),
    ]);
    return "ok";
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}
