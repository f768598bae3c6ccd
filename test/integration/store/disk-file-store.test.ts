import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileTooLargeError } from "../../../src/bot/core/ports.ts";
import { DiskFileStore } from "../../../src/store/files/disk-file-store.ts";

describe("DiskFileStore", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "files-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("keeps the bytes under a fresh key with their size and hash", async () => {
    const store = new DiskFileStore(root, 1024);
    const bytes = new TextEncoder().encode("现场图片");
    const stored = await store.put(bytes, { name: "a.jpg", mimeType: "image/jpeg" });
    expect(stored.size).toBe(bytes.byteLength);
    expect(stored.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(Buffer.from(await store.get(stored.key)).equals(Buffer.from(bytes))).toBe(true);
    const again = await store.put(bytes, { name: "a.jpg", mimeType: "image/jpeg" });
    expect(again.key).not.toBe(stored.key);
  });

  it("reads a stream and refuses one over the limit, keeping nothing", async () => {
    const store = new DiskFileStore(root, 10);
    async function* chunks() {
      yield new Uint8Array(6);
      yield new Uint8Array(6);
    }
    await expect(store.put(chunks(), { name: "b.mp4", mimeType: "video/mp4" })).rejects.toBeInstanceOf(
      FileTooLargeError,
    );
    const [year] = await readdir(root);
    const [month] = await readdir(join(root, year as string));
    expect(await readdir(join(root, year as string, month as string))).toEqual([]);
  });

  it("refuses a key it did not make", async () => {
    const store = new DiskFileStore(root, 10);
    await expect(store.get("../../etc/passwd")).rejects.toThrow(/not a file key/);
  });
});
