/**
 * GET /desk/api/documents/:documentId?…params: a document made for the viewer (信息专报, 台账 …) as
 * a download; 404 when it names nothing or is not theirs, 400 naming the param that cannot be read.
 * GET /desk/api/files/:fileKey?item=kind:id: an item's photo or file, only when that item's page,
 * loaded for the viewer, lists it.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { DeskItemView } from "../../bot/core/desk.ts";
import { attachmentHeader } from "./content-disposition.ts";
import type { DeskDeps } from "./desk-deps.ts";
import { DeskRequestError } from "./desk-error.ts";
import { deskTexts as T } from "./desk-texts.ts";

const documentParams = z.object({ documentId: z.string().min(1).max(60) });
const fileParams = z.object({ fileKey: z.string().min(1).max(300) });
const fileQuery = z.object({
  item: z.string({ error: T.itemMissing }).regex(/^[^:]{1,40}:.{1,100}$/, T.itemMissing),
});

/** Shown in the page rather than downloaded: raster images only (never SVG or HTML). */
const INLINE_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
};

export function registerDocumentRoutes(scope: FastifyInstance, deps: DeskDeps): void {
  const { content } = deps;

  scope.get("/desk/api/documents/:documentId", async (request, reply) => {
    const viewer = deps.viewerOf(request);
    const { documentId } = documentParams.parse(request.params);
    const document = content.document(documentId);
    if (!document) throw new DeskRequestError(404, T.unknownDocument);
    const file = await document.produce(content.context(viewer), stringParams(request.query));
    if (!file) throw new DeskRequestError(404, T.unknownDocument);
    return reply
      .header("content-type", file.mimeType)
      .header("content-disposition", attachmentHeader(file.fileName))
      .header("cache-control", "no-store")
      .send(Buffer.from(file.bytes));
  });

  scope.get("/desk/api/files/:fileKey", async (request, reply) => {
    const viewer = deps.viewerOf(request);
    const { fileKey } = fileParams.parse(request.params);
    const { item } = fileQuery.parse(request.query);
    const split = item.indexOf(":");
    const view = await content.item(viewer, item.slice(0, split), item.slice(split + 1));
    const listed = view ? listedFile(view, fileKey) : undefined;
    if (!listed || !deps.files) throw new DeskRequestError(404, T.fileNotListed);
    const bytes = await deps.files.get(fileKey).catch(() => null);
    if (!bytes) throw new DeskRequestError(404, T.fileGone);
    const inline = INLINE_TYPES[listed.name.split(".").pop()?.toLowerCase() ?? ""];
    return reply
      .header("content-type", inline ?? "application/octet-stream")
      .header("content-disposition", attachmentHeader(listed.name, inline ? "inline" : "attachment"))
      .header("cache-control", "private, max-age=86400")
      .send(Buffer.from(bytes));
  });
}

function listedFile(view: DeskItemView, fileKey: string) {
  for (const section of view.sections)
    for (const block of section.blocks)
      if (block.kind === "files") {
        const found = block.files.find((f) => f.fileKey === fileKey);
        if (found) return found;
      }
  return undefined;
}

/** The query's single string values (a repeated param keeps its first). */
function stringParams(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") out[key] = first;
  }
  return out;
}
