/** GET /desk/api/board: the board as the viewer sees it now (panels, charts, documents). */
import type { FastifyInstance } from "fastify";
import type { DeskDeps } from "./desk-deps.ts";

export function registerBoardRoutes(scope: FastifyInstance, deps: DeskDeps): void {
  scope.get("/desk/api/board", async (request, reply) => {
    const viewer = deps.viewerOf(request);
    reply.header("cache-control", "no-store");
    return deps.content.board(viewer);
  });
}
