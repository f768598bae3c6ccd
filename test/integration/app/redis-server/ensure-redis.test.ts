import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureRedis } from "../../../../src/app/redis-server/redis-launcher.ts";
import { checkMaxmemoryPolicy } from "../../../../src/app/redis-server/redis-memory-policy.ts";
import { findFreePort } from "../../../../src/app/redis-server/redis-port.ts";
import { redisAnswers } from "../../../../src/app/redis-server/redis-probe.ts";
import { testRedisUrl, uniquePrefix } from "../../../support/redis.ts";

let dataDir: string;
let logs: string[];
const log = (msg: string) => logs.push(msg);
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "kuaibao-ensure-redis-"));
  logs = [];
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

/** A URL on a loopback port where nothing listens. */
async function deadUrl(): Promise<string> {
  return `redis://127.0.0.1:${await findFreePort()}`;
}

async function withClient<T>(url: string, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on("error", () => {});
  await client.connect();
  try {
    return await use(client);
  } finally {
    client.disconnect();
  }
}

async function serverPid(url: string): Promise<number> {
  const info = await withClient(url, (client) => client.info("server"));
  return Number(/^process_id:(\d+)/m.exec(info)?.[1]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function aofFiles(dir: string): Promise<string[]> {
  // Redis 7 keeps a manifest and base/incr files in appendonlydir/; older versions one appendonly.aof.
  const inDir = existsSync(join(dir, "appendonlydir")) ? await readdir(join(dir, "appendonlydir")) : [];
  const legacy = existsSync(join(dir, "appendonly.aof")) ? ["appendonly.aof"] : [];
  return [...inDir.filter((name) => name.includes(".aof")), ...legacy];
}

describe("ensureRedis with REDIS_URL", () => {
  it("uses the given URL and starts nothing", async () => {
    const url = testRedisUrl();
    const redis = await ensureRedis({ redisUrl: url, dataDir, log, defaultUrl: await deadUrl() });

    expect(redis.url).toBe(url);
    expect(redis.owned).toBe(false);
    await redis.stop();
    expect(await redisAnswers(url)).toBe(true);
    expect(existsSync(join(dataDir, "redis"))).toBe(false);
    expect(logs.join("\n")).toContain("REDIS_URL");
  });

  it("retries, then fails with a Chinese message when the URL never answers", async () => {
    const url = await deadUrl();
    const started = Date.now();

    await expect(
      ensureRedis({ redisUrl: url, dataDir, log, connectAttempts: 3, retryDelayMs: 50, probeTimeoutMs: 500 }),
    ).rejects.toThrow(/连接不上 REDIS_URL 指定的 Redis.*已尝试 3 次.*ECONNREFUSED/s);

    expect(logs.filter((line) => line.includes("重试"))).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(existsSync(join(dataDir, "redis"))).toBe(false);
  });

  it("rejects a URL that is not redis:// before trying to connect", async () => {
    await expect(ensureRedis({ redisUrl: "http://127.0.0.1:6379", dataDir, log })).rejects.toThrow(
      /REDIS_URL 的格式不对/,
    );
  });

  it("keeps the password out of logs and errors", async () => {
    const url = (await deadUrl()).replace("redis://", "redis://:s3cret@");
    const error = await ensureRedis({
      redisUrl: url,
      dataDir,
      log,
      connectAttempts: 2,
      retryDelayMs: 10,
    }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(`${(error as Error).message}\n${logs.join("\n")}`).not.toContain("s3cret");
  });
});

describe("ensureRedis without REDIS_URL", () => {
  it("uses a Redis that already answers at the default address", async () => {
    const redis = await ensureRedis({ dataDir, log, defaultUrl: testRedisUrl() });

    expect(redis).toMatchObject({ url: testRedisUrl(), owned: false });
    expect(existsSync(join(dataDir, "redis"))).toBe(false);
  });

  it("starts its own redis-server with AOF and noeviction, and stop() ends it", async () => {
    const defaultUrl = await deadUrl();
    const redis = await ensureRedis({ dataDir, log, defaultUrl });
    cleanups.push(() => redis.stop());

    expect(redis.owned).toBe(true);
    // The default address's port was free, so our server took it.
    expect(redis.url).toBe(defaultUrl);
    const pid = await serverPid(redis.url);
    const key = `${uniquePrefix("aof")}:kept`;
    const config = await withClient(redis.url, async (client) => {
      await client.set(key, "survives a restart");
      return {
        policy: await client.config("GET", "maxmemory-policy"),
        appendonly: await client.config("GET", "appendonly"),
        dir: await client.config("GET", "dir"),
      };
    });
    expect(config.policy).toEqual(["maxmemory-policy", "noeviction"]);
    expect(config.appendonly).toEqual(["appendonly", "yes"]);
    expect(config.dir).toEqual(["dir", join(dataDir, "redis")]);
    expect(await aofFiles(join(dataDir, "redis"))).not.toHaveLength(0);

    await redis.stop();
    expect(isAlive(pid)).toBe(false);
    expect(await redisAnswers(redis.url, 500)).toBe(false);
    await redis.stop(); // a second stop is harmless

    const again = await ensureRedis({ dataDir, log, defaultUrl });
    cleanups.push(() => again.stop());
    expect(await withClient(again.url, (client) => client.get(key))).toBe("survives a restart");
  });

  it("picks another port when the default port is held by something that is not Redis", async () => {
    const silent: Server = createServer((socket: Socket) => socket.on("error", () => {}));
    const sockets = new Set<Socket>();
    silent.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((done) => silent.listen(0, "127.0.0.1", done));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => silent.close(done));
    });
    const address = silent.address();
    const busyPort = typeof address === "object" && address ? address.port : 0;

    const redis = await ensureRedis({
      dataDir,
      log,
      defaultUrl: `redis://127.0.0.1:${busyPort}`,
      probeTimeoutMs: 500,
    });
    cleanups.push(() => redis.stop());

    expect(redis.owned).toBe(true);
    expect(new URL(redis.url).port).not.toBe(String(busyPort));
    expect(await redisAnswers(redis.url)).toBe(true);
  });

  it("says in Chinese how to install Redis when there is no redis-server and no install", async () => {
    const emptyDir = join(dataDir, "empty-bin");
    await expect(
      ensureRedis({ dataDir, log, defaultUrl: await deadUrl(), searchPath: [emptyDir], autoInstall: false }),
    ).rejects.toThrow(/找不到 redis-server.*sudo apt-get install redis-server.*REDIS_URL/s);
  });
});

describe("checkMaxmemoryPolicy", () => {
  it("warns in Chinese and English when the policy is not noeviction", async () => {
    const redis = await ensureRedis({ dataDir, log, defaultUrl: await deadUrl() });
    cleanups.push(() => redis.stop());
    const warnings: string[] = [];

    expect(await checkMaxmemoryPolicy(redis.url, (msg) => warnings.push(msg))).toBe("noeviction");
    expect(warnings).toEqual([]);

    await withClient(redis.url, (client) => client.config("SET", "maxmemory-policy", "allkeys-lru"));
    expect(await checkMaxmemoryPolicy(redis.url, (msg) => warnings.push(msg))).toBe("allkeys-lru");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/警告.*allkeys-lru.*noeviction/s);
    expect(warnings[0]).toMatch(/WARNING.*BullMQ requires noeviction/s);
  });

  it("accepts an open client and leaves it open", async () => {
    await withClient(testRedisUrl(), async (client) => {
      expect(await checkMaxmemoryPolicy(client, () => {})).toBe("noeviction");
      expect(await client.ping()).toBe("PONG");
    });
  });
});
