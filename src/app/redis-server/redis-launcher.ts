/**
 * Gets the bot a Redis to talk to, so that an office can run it with nothing set up by hand:
 * `REDIS_URL` when given; else a Redis already answering on the default address (127.0.0.1:6379);
 * else our own `redis-server` (installed with apt-get if needed and allowed), with its data under
 * `<dataDir>/redis` in an append-only file, stopped together with us.
 */
import { resolve } from "node:path";
import { locateRedisServer } from "./redis-binary.ts";
import { checkMaxmemoryPolicy } from "./redis-memory-policy.ts";
import { findFreePort, isPortFree } from "./redis-port.ts";
import { pingRedis, RedisProbeError, redactRedisUrl, redisAnswers } from "./redis-probe.ts";
import { startRedisServer } from "./redis-server-process.ts";

/** The address tried when `REDIS_URL` is not set. */
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

/** Options of {@link ensureRedis}. */
export interface EnsureRedisOptions {
  /** `REDIS_URL` from the environment; when set it is the only Redis used. */
  redisUrl?: string;
  /** The bot's data directory; our own Redis keeps its files in `<dataDir>/redis`. */
  dataDir: string;
  log: (msg: string) => void;
  /**
   * Where to look for an already running Redis when `redisUrl` is unset, and whose port our own
   * server prefers. Default {@link DEFAULT_REDIS_URL}; tests point it at a port where nothing listens.
   */
  defaultUrl?: string;
  /** How many times to try `redisUrl` before giving up. Default 5. */
  connectAttempts?: number;
  /** Wait before the second try; doubled after each failure, at most 5 s. Default 500 ms. */
  retryDelayMs?: number;
  /** How long one PING may take. Default 2000 ms. */
  probeTimeoutMs?: number;
  /** Directories searched for `redis-server`. Default: `PATH` and the usual system directories. */
  searchPath?: string[];
  /** Whether a missing `redis-server` may be installed with apt-get (only as root on Debian/Ubuntu). Default true. */
  autoInstall?: boolean;
}

/** The Redis the bot will use. */
export interface EnsuredRedis {
  url: string;
  /** Stops our own server and waits for it to exit; does nothing for a Redis we did not start. */
  stop(): Promise<void>;
  /** True when the server is our child process. */
  owned: boolean;
}

/**
 * Finds or starts the bot's Redis; see the file comment for the order.
 * Throws an Error with a Chinese message that says what to do when no Redis can be had.
 */
export async function ensureRedis(options: EnsureRedisOptions): Promise<EnsuredRedis> {
  const { log } = options;
  const probeTimeoutMs = options.probeTimeoutMs ?? 2000;

  if (options.redisUrl !== undefined && options.redisUrl.trim() !== "") {
    const url = options.redisUrl.trim();
    await waitForConfiguredRedis(url, options);
    log(`使用 REDIS_URL 指定的 Redis：${redactRedisUrl(url)}`);
    await checkMaxmemoryPolicy(url, log, probeTimeoutMs);
    return notOwned(url);
  }

  const defaultUrl = options.defaultUrl ?? DEFAULT_REDIS_URL;
  if (await redisAnswers(defaultUrl, probeTimeoutMs)) {
    log(`未设置 REDIS_URL，使用本机已运行的 Redis：${redactRedisUrl(defaultUrl)}`);
    await checkMaxmemoryPolicy(defaultUrl, log, probeTimeoutMs);
    return notOwned(defaultUrl);
  }

  const binary = await locateRedisServer({
    log,
    ...(options.searchPath ? { searchPath: options.searchPath } : {}),
    ...(options.autoInstall !== undefined ? { autoInstall: options.autoInstall } : {}),
  });
  // The Debian package starts its own service where it can; using it keeps the next start consistent.
  if (binary.installed && (await redisAnswers(defaultUrl, probeTimeoutMs))) {
    log(`使用刚安装的 Redis 服务：${redactRedisUrl(defaultUrl)}`);
    await checkMaxmemoryPolicy(defaultUrl, log, probeTimeoutMs);
    return notOwned(defaultUrl);
  }

  const dir = resolve(options.dataDir, "redis");
  const preferredPort = portOf(defaultUrl);
  let port = (await isPortFree(preferredPort)) ? preferredPort : await findFreePort();
  for (let attempt = 1; ; attempt++) {
    try {
      const server = await startRedisServer({ binary: binary.path, port, dir, persistence: "aof" });
      log(
        `未找到可用的 Redis，已启动自带的 redis-server（pid ${server.pid}，${server.url}，数据目录 ${dir}，` +
          `AOF 持久化，maxmemory-policy noeviction）`,
      );
      return { url: server.url, owned: true, stop: () => server.stop() };
    } catch (error) {
      // Someone may have taken the port between our check and the server's bind: try another one.
      if (attempt >= 3 || (await isPortFree(port))) throw error;
      log(`端口 ${port} 已被占用，换一个端口重新启动 redis-server`);
      port = await findFreePort();
    }
  }
}

/** Tries `REDIS_URL` with exponential backoff; the final error tells a person what to check. */
async function waitForConfiguredRedis(url: string, options: EnsureRedisOptions): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL("invalid:");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new Error(
      `REDIS_URL 的格式不对：应为 redis://[用户名:密码@]主机:端口[/库号]（TLS 用 rediss://），例如 redis://127.0.0.1:6379。`,
    );
  }
  const attempts = Math.max(1, options.connectAttempts ?? 5);
  let delay = options.retryDelayMs ?? 500;
  let lastReason = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await pingRedis(url, options.probeTimeoutMs ?? 2000);
      return;
    } catch (error) {
      lastReason = error instanceof RedisProbeError ? error.reason : String(error);
      if (attempt === attempts) break;
      options.log(
        `REDIS_URL（${redactRedisUrl(url)}）暂时连不上（${lastReason}），${delay} ms 后重试（${attempt}/${attempts}）`,
      );
      await new Promise((done) => setTimeout(done, delay));
      delay = Math.min(delay * 2, 5000);
    }
  }
  throw new Error(
    `连接不上 REDIS_URL 指定的 Redis（${redactRedisUrl(url)}），已尝试 ${attempts} 次，最后的错误：${lastReason}。` +
      `请确认 Redis 已启动、地址、端口和密码正确、防火墙放行；` +
      `或者删除 REDIS_URL，让快报使用本机的 Redis（没有时自动启动一个）。`,
  );
}

function notOwned(url: string): EnsuredRedis {
  return { url, owned: false, stop: async () => {} };
}

function portOf(url: string): number {
  try {
    const port = Number(new URL(url).port);
    return port > 0 ? port : 6379;
  } catch {
    return 6379;
  }
}
