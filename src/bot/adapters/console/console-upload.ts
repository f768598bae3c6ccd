/** A file uploaded in the console page, into the file store and out as the neutral attachment. */

import type { InboundAttachment } from "../../core/message.ts";
import { type FileStore, FileTooLargeError } from "../../core/ports.ts";

/** Raster images the page shows inline; any other type is served as a download. */
export const INLINE_IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export function attachmentKind(mimeType: string): InboundAttachment["kind"] {
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType.startsWith("video/")) return "video";
  return "file";
}

/** Stores the bytes; over the store's limit the attachment comes back refused (`too-large`), nothing kept. */
export async function storeUpload(
  files: FileStore,
  upload: { name: string; mimeType: string; content: AsyncIterable<Uint8Array> | Uint8Array },
): Promise<InboundAttachment> {
  const meta = { name: upload.name, mimeType: upload.mimeType };
  const kind = attachmentKind(upload.mimeType);
  const source = upload.content instanceof Uint8Array ? null : upload.content[Symbol.asyncIterator]();
  try {
    const stored = await files.put(source ? unclosable(source) : (upload.content as Uint8Array), meta);
    return { kind, ...meta, fileKey: stored.key, size: stored.size, sha256: stored.sha256 };
  } catch (error) {
    if (!(error instanceof FileTooLargeError)) throw error;
    // The rest of the request is read and dropped, so the page gets its answer, not a reset connection.
    if (source) while (!(await source.next()).done);
    return { kind, ...meta, fileKey: null, size: 0, refused: "too-large" };
  }
}

/** The same chunks, but a consumer that stops early does not close the source (it is drained then). */
function unclosable(source: AsyncIterator<Uint8Array>): AsyncIterable<Uint8Array> {
  return { [Symbol.asyncIterator]: () => ({ next: () => source.next() }) };
}
