/**
 * One-shot checks of a Redis address: does it answer PING, and how to name it in a log without its password.
 * A probe never reconnects and never queues commands, so a dead address fails within its timeout.
 */
import { Redis } from "ioredis";

/** Why a probe failed, with the most useful underlying reason (ioredis hides the socket error behind "Connection is closed."). */
export class RedisProbeError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Redis at ${redactRedisUrl(url)} did not answer PING: ${reason}`);
    this.name = "RedisProbeError";
  }
}

/**
 * Opens a short-lived connection, sends PING and closes it again.
 * Resolves when the server answered PONG; rejects with a {@link RedisProbeError} otherwise.
 */
export async function pingRedis(url: string, timeoutMs = 2000): Promise<void> {
  await withProbeClient(url, timeoutMs, async (client) => {
    const reply = await client.ping();
    if (reply !== "PONG") throw new Error(`unexpected reply ${JSON.stringify(reply)}`);
  });
}

/** True when a Redis answers PING at `url` within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    await pingRedis(url, timeoutMs);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `use` with a connected probe client and always disconnects it afterwards.
 * The whole run (connect + `use`) is bounded by `timeoutMs`, because a port that accepts TCP
 * but does not speak Redis would otherwise keep the ready check waiting for ever.
 */
export async function withProbeClient<T>(
  url: string,
  timeoutMs: number,
  use: (client: Redis) => Promise<T>,
): Promise<T> {
  let socketError: Error | undefined;
  const client = new Redis(url, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    connectionName: "kuaibao-probe",
  });
  client.on("error", (error: Error) => {
    socketError = error;
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([client.connect().then(() => use(client)), timeout]);
  } catch (error) {
    throw new RedisProbeError(url, describeError(socketError ?? error));
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** The URL with its password (and user name) replaced, fit for logs and error messages. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    if (parsed.username && parsed.username !== "default") parsed.username = "***";
    return parsed.toString();
  } catch {
    return "(无法解析的地址 / unparsable URL)";
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
