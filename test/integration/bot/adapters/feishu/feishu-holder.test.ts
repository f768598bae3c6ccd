/**
 * Two real bot processes with the same Feishu app on one Redis: only one holds the long connection;
 * when it is killed (kill -9, no goodbye), the standby takes over within about one lease time.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BotProcess, startBotProcess } from "../../../../support/bot-process.ts";
import {
  FAKE_APP_ID,
  FAKE_APP_SECRET,
  FakeFeishuServer,
} from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { seedMigratedPglite } from "../../../../support/migrated-data-folder.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";
import { waitFor } from "../../../../support/wait-for.ts";

const HOLDING = "本进程成为持有者";
const LEASE_SECONDS = 3;

describe("long-connection holder election", () => {
  let fake: FakeFeishuServer;
  let dirs: string[] = [];
  let bots: BotProcess[] = [];

  beforeEach(async () => {
    fake = new FakeFeishuServer();
    await fake.start();
    await deletePrefixedKeys(`feishu-${FAKE_APP_ID}`);
  });

  afterEach(async () => {
    for (const bot of bots) await bot.kill();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    bots = [];
    dirs = [];
    await fake.close();
    await deletePrefixedKeys(`feishu-${FAKE_APP_ID}`);
  });

  const start = async () => {
    const dir = await mkdtemp(join(tmpdir(), "kuaibao-feishu-holder-"));
    dirs.push(dir);
    await seedMigratedPglite(dir);
    const bot = startBotProcess({
      DATA_DIR: dir,
      PORT: "0",
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix("feishu-holder"),
      FEISHU_APP_ID: FAKE_APP_ID,
      FEISHU_APP_SECRET: FAKE_APP_SECRET,
      FEISHU_DOMAIN: fake.url,
      FEISHU_HOLDER_LEASE_SECONDS: String(LEASE_SECONDS),
      FEISHU_READ_POLL_SECONDS: "0",
    });
    bots.push(bot);
    return bot;
  };

  it("elects one holder and lets the standby take over when it dies", async () => {
    const a = await start();
    await waitFor("A holds", () => a.output().includes(HOLDING), { timeoutMs: 60_000 });
    await waitFor("A connects", () => fake.callsTo("/callback/ws/endpoint").length > 0, {
      timeoutMs: 10_000,
    });

    const b = await start();
    await waitFor("B started", () => b.output().includes("快报助手已启动"), { timeoutMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 2 * LEASE_SECONDS * 1000));
    expect(b.output()).not.toContain(HOLDING);

    await a.kill();
    const killedAt = Date.now();
    const endpointCalls = fake.callsTo("/callback/ws/endpoint").length;
    await waitFor("B takes over", () => b.output().includes(HOLDING), { timeoutMs: 20_000 });
    const tookOverMs = Date.now() - killedAt;
    expect(tookOverMs).toBeLessThan((LEASE_SECONDS + 3) * 1000);
    await waitFor("B connects", () => fake.callsTo("/callback/ws/endpoint").length > endpointCalls, {
      timeoutMs: 10_000,
    });
  }, 150_000);
});
