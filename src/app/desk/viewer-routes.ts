/**
 * GET /desk/api/viewer: who the page is for. Signed in: the person, or nobody (the page then shows
 * the console's sign-in link). Loopback demo: also everyone one may pick to view as.
 */
import type { FastifyInstance } from "fastify";
import type { DeskDeps } from "./desk-deps.ts";
import { DeskRequestError } from "./desk-error.ts";

export function registerViewerRoutes(scope: FastifyInstance, deps: DeskDeps): void {
  const { directory, content } = deps;
  scope.get("/desk/api/viewer", async (request) => {
    let me = null;
    try {
      me = content.me(deps.viewerOf(request));
    } catch (error) {
      if (!(error instanceof DeskRequestError)) throw error;
    }
    const people =
      deps.mode === "demo"
        ? directory.people().map((p) => ({
            id: p.id,
            name: p.name,
            unitName: directory.unitName(p.unit),
            title: p.title,
          }))
        : undefined;
    return { mode: deps.mode, me, signIn: "/", people };
  });
}
