/**
 * The S3 file store against a fake S3 server on 127.0.0.1, through the real AWS SDK: a small file is
 * one signed PUT and comes back by GET with its size and hash; a large one goes up in parts; over
 * the byte limit nothing is kept and FileTooLargeError is thrown; S3_URL chooses it in the app.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileStoreFromEnv } from "../../../src/app/file-store.ts";
import { FileTooLargeError } from "../../../src/bot/core/ports.ts";
import { envSchema } from "../../../src/config/env.ts";
import { S3FileStore } from "../../../src/store/files/s3-file-store.ts";
import { type FakeS3, startFakeS3 } from "../../support/fake-s3.ts";

const KEY_ID = "kuaibao-test";
let s3: FakeS3;

beforeAll(async () => {
  s3 = await startFakeS3(KEY_ID);
});

afterAll(async () => {
  await s3?.close();
});

const settings = () => ({
  url: `${s3.url}/photos/scene`,
  accessKeyId: KEY_ID,
  secretAccessKey: "secret-secret",
  region: "us-east-1",
});

async function* chunks(total: number, size: number): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < total; sent += size) yield new Uint8Array(Math.min(size, total - sent)).fill(7);
}

describe("S3FileStore", () => {
  it("puts a small file with one signed PUT and gets it back", async () => {
    const store = new S3FileStore(settings(), 1024 * 1024);
    const bytes = new TextEncoder().encode("现场图片的字节");
    const stored = await store.put(bytes, { name: "现场.jpg", mimeType: "image/jpeg" });
    expect(stored.key).toMatch(/^scene\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(stored.size).toBe(bytes.byteLength);
    expect(stored.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(s3.requests.filter((r) => r.startsWith(`PUT /photos/${stored.key}`))).toHaveLength(1);
    expect(s3.objects.get(`photos/${stored.key}`)?.contentType).toBe("image/jpeg");
    expect(Buffer.from(await store.get(stored.key)).toString()).toBe("现场图片的字节");
  });

  it("streams a large file up in parts", { timeout: 30_000 }, async () => {
    const store = new S3FileStore(settings(), 20 * 1024 * 1024);
    const total = 11 * 1024 * 1024;
    const stored = await store.put(chunks(total, 256 * 1024), { name: "视频.mp4", mimeType: "video/mp4" });
    expect(stored.size).toBe(total);
    expect(s3.requests.some((r) => r.startsWith(`POST /photos/${stored.key}?uploads`))).toBe(true);
    expect((await store.get(stored.key)).byteLength).toBe(total);
  });

  it("keeps nothing over the byte limit", async () => {
    const store = new S3FileStore(settings(), 100_000);
    const before = s3.objects.size;
    await expect(
      store.put(chunks(300_000, 10_000), { name: "大图.png", mimeType: "image/png" }),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(
      store.put(new Uint8Array(100_001), { name: "大图.png", mimeType: "image/png" }),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(s3.objects.size).toBe(before);
  });

  it("is what the app uses when S3_URL is set", async () => {
    const env = envSchema.parse({
      S3_URL: `${s3.url}/photos`,
      S3_ACCESS_KEY_ID: KEY_ID,
      S3_SECRET_ACCESS_KEY: "secret-secret",
    });
    const store = fileStoreFromEnv(env);
    expect(store).toBeInstanceOf(S3FileStore);
    const stored = await store.put(new Uint8Array([1, 2, 3]), { name: "a.png", mimeType: "image/png" });
    expect(s3.objects.has(`photos/${stored.key}`)).toBe(true);
  });
});
