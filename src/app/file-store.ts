/** Where the files people send are kept: chosen by the environment for main, a throwaway folder for tests. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FileStore } from "../bot/core/ports.ts";
import type { Env } from "../config/env.ts";
import { DiskFileStore } from "../store/files/disk-file-store.ts";
import { S3FileStore } from "../store/files/s3-file-store.ts";

/** In the S3-compatible store `S3_URL` names when it is set, else on disk under `DATA_DIR/files`. */
export function fileStoreFromEnv(env: Env): FileStore {
  if (env.S3_URL) {
    if (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)
      throw new Error("S3_URL is set: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are needed too");
    return new S3FileStore(
      {
        url: env.S3_URL,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        region: env.S3_REGION,
      },
      env.FILE_MAX_BYTES,
    );
  }
  return new DiskFileStore(join(env.DATA_DIR, "files"), env.FILE_MAX_BYTES);
}

/** A fresh folder under the system's temporary directory, for an app built without one (tests, bench). */
export async function temporaryFileStore(): Promise<FileStore> {
  return new DiskFileStore(await mkdtemp(join(tmpdir(), "kuaibao-files-")), 20 * 1024 * 1024);
}
