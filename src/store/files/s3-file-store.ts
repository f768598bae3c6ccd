/**
 * The bytes of people's files in an S3-compatible store (MinIO, a cloud bucket) through the
 * maintained AWS SDK client: path-style addressing, keys `[prefix/]2026/12/<uuid>` like the disk
 * store's. An upload is streamed (lib-storage: one PUT for a small file, a multipart upload for a
 * large one), counted and hashed on the way; past the byte limit it stops, nothing is kept and
 * {@link FileTooLargeError} is thrown.
 */
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { type FileStore, FileTooLargeError, type StoredFile } from "../../bot/core/ports.ts";

export interface S3Settings {
  /** `http://minio:9000/bucket` or `https://s3.example.com/bucket/some/prefix`. */
  url: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** The endpoint, bucket and key prefix an `S3_URL` names. */
export function parseS3Url(url: string): { endpoint: string; bucket: string; prefix: string } {
  const parsed = new URL(url);
  const [bucket = "", ...rest] = parsed.pathname.split("/").filter(Boolean);
  if (!bucket) throw new Error(`S3_URL needs a bucket in its path (http://host:9000/bucket): ${url}`);
  return { endpoint: parsed.origin, bucket, prefix: rest.join("/") };
}

const KEY = /^(?:[\w.-]+\/)*\d{4}\/\d{2}\/[0-9a-f-]{36}$/;

export class S3FileStore implements FileStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(
    settings: S3Settings,
    readonly maxBytes: number,
  ) {
    const { endpoint, bucket, prefix } = parseS3Url(settings.url);
    this.bucket = bucket;
    this.prefix = prefix;
    this.client = new S3Client({
      endpoint,
      region: settings.region,
      forcePathStyle: true,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Plain bodies with a checksum only where the API requires one: what every S3-compatible store takes.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(
    content: Uint8Array | AsyncIterable<Uint8Array>,
    meta: { name: string; mimeType: string },
  ): Promise<StoredFile> {
    const now = new Date();
    const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
    const key = [this.prefix, month, randomUUID()].filter(Boolean).join("/");
    const hash = createHash("sha256");
    let size = 0;
    let tooLarge = false;
    const maxBytes = this.maxBytes;
    async function* counted(): AsyncGenerator<Uint8Array> {
      const chunks = content instanceof Uint8Array ? [content] : content;
      for await (const chunk of chunks) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          tooLarge = true;
          throw new FileTooLargeError(maxBytes);
        }
        hash.update(chunk);
        yield chunk;
      }
    }
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: Readable.from(counted()), ContentType: meta.mimeType },
    });
    try {
      await upload.done();
    } catch (error) {
      if (tooLarge) {
        await upload.abort().catch(() => undefined);
        throw new FileTooLargeError(maxBytes);
      }
      throw error;
    }
    return { key, size, sha256: hash.digest("hex") };
  }

  async get(key: string): Promise<Uint8Array> {
    if (!KEY.test(key)) throw new Error(`not a file key: ${key}`);
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!answer.Body) throw new Error(`no body for ${key}`);
    return answer.Body.transformToByteArray();
  }
}
