/**
 * The desk's page: GET /desk, /desk/wall (the wall screen) and /desk/items/:kind/:id all serve the
 * same HTML (with its words from desk-texts.ts as JSON data; the script routes on the client);
 * its scripts and styles under /desk/assets/, and
 * ECharts from node_modules under /desk/vendor/. Only files from 'self', as the CSP wants.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { pageTextsJson } from "./desk-texts.ts";

/** Where desk.html has its words put in. */
const TEXTS_MARK = '{"texts":"DESK_TEXTS"}';
const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));
const ECHARTS = createRequire(import.meta.url).resolve("echarts/dist/echarts.min.js");

export async function registerPageRoutes(server: FastifyInstance, timezone: string): Promise<void> {
  const html = readFileSync(`${PUBLIC_DIR}desk.html`, "utf8").replace(TEXTS_MARK, () =>
    pageTextsJson(timezone),
  );
  const echarts = readFileSync(ECHARTS);
  await server.register(async (scope) => {
    await scope.register(fastifyStatic, { root: PUBLIC_DIR, prefix: "/desk/assets/", decorateReply: false });
    const page = async (_request: unknown, reply: FastifyReply) =>
      reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(html);
    for (const path of ["/desk", "/desk/", "/desk/wall", "/desk/items/:kind/:id"]) scope.get(path, page);
    scope.get("/desk/vendor/echarts.min.js", async (_request, reply) =>
      reply
        .type("text/javascript; charset=utf-8")
        .header("cache-control", "public, max-age=86400")
        .send(echarts),
    );
  });
}
