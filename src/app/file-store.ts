/** Where the files people send are kept: chosen by the environment for main, a throwaway folder for tests. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FileStore } from "../bot/core/ports.ts";
import type { Env } from "../config/env.ts";
import { DiskFileStore } from "../store/files/disk-file-store.ts";

/** On disk under `DATA_DIR/files`. */
export function fileStoreFromEnv(env: Env): FileStore {
  return new DiskFileStore(join(env.DATA_DIR, "files"), env.FILE_MAX_BYTES);
}

/** A fresh folder under the system's temporary directory, for an app built without one (tests, bench). */
export async function temporaryFileStore(): Promise<FileStore> {
  return new DiskFileStore(await mkdtemp(join(tmpdir(), "kuaibao-files-")), 20 * 1024 * 1024);
}
