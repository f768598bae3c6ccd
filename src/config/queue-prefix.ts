/**
 * The default BullMQ prefix belongs to the database: jobs and sends refer to rows in it, so two
 * bots that share a Redis but not a database (two data folders, a test run) must not share queues.
 */
import { createHash } from "node:crypto";
import { resolve } from "node:path";

export function defaultQueuePrefix(where: { databaseUrl?: string; pgliteDir: string }): string {
  const identity = where.databaseUrl
    ? stripPassword(where.databaseUrl)
    : `pglite:${resolve(where.pgliteDir)}`;
  return `kuaibao-${createHash("sha256").update(identity).digest("hex").slice(0, 10)}`;
}

function stripPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return url;
  }
}
