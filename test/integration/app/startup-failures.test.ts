/**
 * The real bot (`npx tsx src/main.ts`) refuses to start, within a bounded time and with a Chinese
 * message that says what to fix, when its Redis or its org file is wrong.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../../src/app/redis-server/redis-port.ts";
import { ROOT } from "../../support/app.ts";
import { type BotProcess, startBotProcess } from "../../support/bot-process.ts";
import { testRedisUrl } from "../../support/redis.ts";

/** How long the bot may take to give up: tsx start, PGlite initdb, five tries at Redis with backoff. */
const GIVE_UP_WITHIN_MS = 60_000;

let dataDir: string;
let bot: BotProcess | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "kuaibao-startup-"));
});

afterEach(async () => {
  await bot?.kill();
  bot = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function exitOf(process: BotProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const timeout = new Promise<"timeout">((resolve) =>
    setTimeout(() => resolve("timeout"), GIVE_UP_WITHIN_MS),
  );
  const result = await Promise.race([process.exited, timeout]);
  if (result === "timeout")
    throw new Error(`the bot did not exit within ${GIVE_UP_WITHIN_MS} ms:\n${process.output()}`);
  return { code: result.code, ms: Date.now() - started };
}

describe("start-up failures", () => {
  it("exits non-zero with a Chinese message naming REDIS_URL when nothing listens there", {
    timeout: GIVE_UP_WITHIN_MS + 10_000,
  }, async () => {
    const deadUrl = `redis://127.0.0.1:${await findFreePort()}`;
    bot = startBotProcess({ REDIS_URL: deadUrl, DATA_DIR: dataDir, PORT: String(await findFreePort()) });

    const { code } = await exitOf(bot);

    const output = bot.output();
    expect(code, output).not.toBe(0);
    expect(code, output).not.toBeNull();
    expect(output).toContain("启动失败");
    expect(output).toMatch(/连接不上 REDIS_URL 指定的 Redis/);
    expect(output).toContain(deadUrl.replace("redis://", ""));
    expect(output).not.toContain("快报助手已启动");
  });

  it("exits 1 naming the org file and the path inside it when the org file is wrong", {
    timeout: GIVE_UP_WITHIN_MS + 10_000,
  }, async () => {
    const orgFile = join(ROOT, "test/fixtures/config/bad-org.yaml");
    bot = startBotProcess({
      ORG_FILE: orgFile,
      REDIS_URL: testRedisUrl(),
      DATA_DIR: dataDir,
      PORT: String(await findFreePort()),
    });

    const { code } = await exitOf(bot);

    const output = bot.output();
    expect(code, output).toBe(1);
    expect(output).toContain(`配置文件 ${orgFile} 有误`);
    expect(output).toContain("people[2].unit：没有这个单位：liulin");
    expect(output).toContain("请修改后重新启动");
  });

  it("refuses to start the demo console on a non-loopback address, saying why in Chinese", {
    timeout: GIVE_UP_WITHIN_MS + 10_000,
  }, async () => {
    bot = startBotProcess({
      CONSOLE: "demo",
      HOST: "0.0.0.0",
      REDIS_URL: testRedisUrl(),
      DATA_DIR: dataDir,
      PORT: String(await findFreePort()),
    });

    const { code } = await exitOf(bot);

    const output = bot.output();
    expect(code, output).toBe(1);
    expect(output).toContain("启动失败");
    expect(output).toContain("CONSOLE=demo 只能在本机地址上使用");
    expect(output).toContain("HOST=0.0.0.0");
    expect(output).not.toContain("快报助手已启动");
  });
});
