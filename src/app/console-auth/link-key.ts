/**
 * The local key that lets `npm run console:link` ask the running bot for a sign-in link: written
 * at start to DATA_DIR/console-link.key (mode 0600, with the bot's loopback address), removed at
 * stop, never logged. Only a process that can read the data folder can show it.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { isLoopbackHost } from "./console-mode.ts";

export const LINK_KEY_FILE = "console-link.key";

/** What the key file holds. */
export interface LinkKeyFile {
  key: string;
  /** Where the running bot answers on this machine (http://127.0.0.1:3000). */
  url: string;
  pid: number;
}

const fileSchema = z.object({ key: z.string().min(32), url: z.string(), pid: z.number().int() });

export function newLinkKey(): string {
  return randomBytes(32).toString("base64url");
}

/** The bot's address as seen from this machine: loopback when it listens on every address. */
export function localUrl(host: string, port: number): string {
  const wildcard = host === "0.0.0.0" || host === "::" || host === "[::]";
  const name =
    wildcard || isLoopbackHost(host) ? (host.includes(":") && !wildcard ? "[::1]" : "127.0.0.1") : host;
  return `http://${name}:${port}`;
}

export function writeLinkKey(dataDir: string, content: LinkKeyFile): void {
  const path = join(dataDir, LINK_KEY_FILE);
  rmSync(path, { force: true });
  writeFileSync(path, JSON.stringify(content), { mode: 0o600 });
}

export function readLinkKey(dataDir: string): LinkKeyFile | undefined {
  try {
    return fileSchema.parse(JSON.parse(readFileSync(join(dataDir, LINK_KEY_FILE), "utf8")));
  } catch {
    return undefined;
  }
}

export function removeLinkKey(dataDir: string): void {
  rmSync(join(dataDir, LINK_KEY_FILE), { force: true });
}
