/**
 * BullMQ keeps its jobs as ordinary Redis keys: a Redis that evicts keys under memory pressure silently
 * loses deadlines and reminders. This checks the `maxmemory-policy` of a Redis and warns when it is not
 * `noeviction`. It only warns, because a managed Redis may not let us change it.
 */
import type { Redis } from "ioredis";
import { redactRedisUrl, withProbeClient } from "./redis-probe.ts";

/** The only eviction policy under which BullMQ cannot lose jobs. */
export const REQUIRED_MAXMEMORY_POLICY = "noeviction";

/**
 * Reads `maxmemory-policy` from the Redis at `target` (a URL, or an existing client which is left open)
 * and logs a Chinese + English warning unless it is `noeviction`.
 * Returns the policy, or `undefined` when the server would not tell (then that is logged too).
 */
export async function checkMaxmemoryPolicy(
  target: string | Redis,
  log: (msg: string) => void,
  timeoutMs = 2000,
): Promise<string | undefined> {
  const where = typeof target === "string" ? redactRedisUrl(target) : describeClient(target);
  let policy: string | undefined;
  try {
    policy =
      typeof target === "string"
        ? await withProbeClient(target, timeoutMs, readMaxmemoryPolicy)
        : await readMaxmemoryPolicy(target);
  } catch (error) {
    log(
      `无法读取 Redis（${where}）的 maxmemory-policy，请自行确认它是 noeviction。` +
        ` / Could not read maxmemory-policy of Redis at ${where}: ${(error as Error).message}`,
    );
    return undefined;
  }
  if (policy === undefined) {
    log(
      `无法读取 Redis（${where}）的 maxmemory-policy，请自行确认它是 noeviction。` +
        ` / Could not read maxmemory-policy of Redis at ${where}; make sure it is noeviction.`,
    );
  } else if (policy !== REQUIRED_MAXMEMORY_POLICY) {
    log(
      `警告：Redis（${where}）的 maxmemory-policy 是 ${policy}，不是 noeviction；内存不足时 Redis 会删掉队列任务，` +
        `期限提醒和催办可能丢失。请执行 redis-cli CONFIG SET maxmemory-policy noeviction 并写入 redis.conf。` +
        ` / WARNING: Redis at ${where} has maxmemory-policy ${policy}; BullMQ requires noeviction, otherwise` +
        ` jobs can be evicted under memory pressure.`,
    );
  }
  return policy;
}

/**
 * `CONFIG GET` first; managed services often disable CONFIG, so fall back to the `maxmemory_policy`
 * line of `INFO memory`.
 */
async function readMaxmemoryPolicy(client: Redis): Promise<string | undefined> {
  try {
    const reply: unknown = await client.config("GET", "maxmemory-policy");
    const fromConfig = policyFromConfigReply(reply);
    if (fromConfig) return fromConfig;
  } catch {
    // CONFIG may be renamed or forbidden by an ACL; INFO below usually still works.
  }
  const info = await client.info("memory");
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
}

/** RESP2 gives `[name, value]`; a client with RESP3 map replies gives `{ name: value }`. */
function policyFromConfigReply(reply: unknown): string | undefined {
  if (Array.isArray(reply)) {
    const value: unknown = reply[1];
    return typeof value === "string" ? value : undefined;
  }
  if (reply && typeof reply === "object") {
    const value: unknown = (reply as Record<string, unknown>)["maxmemory-policy"];
    return typeof value === "string" ? value : undefined;
  }
  return undefined;
}

function describeClient(client: Redis): string {
  const { host, port } = client.options;
  return `${host ?? "?"}:${port ?? "?"}`;
}
