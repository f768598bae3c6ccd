import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { type FileStore, FileTooLargeError, type StoredFile } from "../../bot/core/ports.ts";

/** Keys look like `2026/12/<uuid>`: a month per folder, nothing a caller chose. */
const KEY = /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/;

function chunksOf(content: Uint8Array | AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  if (content instanceof Uint8Array) {
    return (async function* single() {
      yield content;
    })();
  }
  return content;
}

/**
 * The bytes of people's files on disk under one folder (`DATA_DIR/files`). A file is written to a
 * temporary name, flushed and renamed, so a crash leaves either the whole file or none under its key.
 */
export class DiskFileStore implements FileStore {
  private readonly root: string;

  constructor(
    root: string,
    readonly maxBytes: number,
  ) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a file key: ${key}`);
    return join(this.root, key);
  }

  async put(
    content: Uint8Array | AsyncIterable<Uint8Array>,
    _meta: { name: string; mimeType: string },
  ): Promise<StoredFile> {
    const now = new Date();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomUUID()}`;
    const path = this.pathOf(key);
    const partial = `${path}.part`;
    await mkdir(dirname(path), { recursive: true });
    const hash = createHash("sha256");
    let size = 0;
    const handle = await open(partial, "wx");
    try {
      for await (const chunk of chunksOf(content)) {
        size += chunk.byteLength;
        if (size > this.maxBytes) throw new FileTooLargeError(this.maxBytes);
        hash.update(chunk);
        await handle.write(chunk);
      }
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(partial, { force: true });
      throw error;
    }
    await handle.close();
    await rename(partial, path);
    return { key, size, sha256: hash.digest("hex") };
  }

  async get(key: string): Promise<Uint8Array> {
    return readFile(this.pathOf(key));
  }
}
