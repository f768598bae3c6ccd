/**
 * A dialog survives a crash: the real bot runs as a child process on a PGlite data folder, 张三 starts
 * 登记 and answers the first step, the bot is killed with SIGKILL (kill -9), started again on the same
 * folder, and the next answer moves the dialog on from where it stopped.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../../../../src/app/redis-server/redis-port.ts";
import type { ConsoleMessageDto } from "../../../../../src/bot/adapters/console/console-message.ts";
import { type BotProcess, startBotProcess } from "../../../../support/bot-process.ts";
import { seedMigratedPglite } from "../../../../support/migrated-data-folder.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";
import { waitFor } from "../../../../support/wait-for.ts";

const CHAT = "私聊 张三";
const STEP_TIMEOUT_MS = 20_000;

let dataDir: string;
const prefix = uniquePrefix("dialog-restart");
const bots: BotProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "kuaibao-restart-"));
});

afterAll(async () => {
  for (const bot of bots) await bot.kill();
  await deletePrefixedKeys(prefix);
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts the bot on the shared data folder and waits until /healthz says the database and Redis are fine. */
async function startBot(): Promise<{ bot: BotProcess; url: string }> {
  await seedMigratedPglite(dataDir);
  const port = await findFreePort();
  const bot = startBotProcess({
    DATA_DIR: dataDir,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: prefix,
    HOST: "127.0.0.1",
    PORT: String(port),
  });
  bots.push(bot);
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  void bot.exited.then(() => {
    exited = true;
  });
  await waitFor(
    "the bot's /healthz",
    async () => {
      if (exited) throw new Error(`the bot exited:\n${bot.output()}`);
      const response = await fetch(`${url}/healthz`);
      return response.status === 200 && (await response.json());
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${bot.output()}`);
  });
  return { bot, url };
}

async function say(url: string, text: string): Promise<void> {
  const response = await fetch(`${url}/api/console/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ chat: CHAT, sender: "张三", text }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function messages(url: string): Promise<ConsoleMessageDto[]> {
  const response = await fetch(`${url}/api/console/messages?chat=${encodeURIComponent(CHAT)}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { messages: ConsoleMessageDto[] }).messages;
}

/** Waits for a bot message after `afterId` whose text contains `fragment`. */
function botSays(url: string, fragment: string, afterId: number): Promise<ConsoleMessageDto> {
  return waitFor(
    `the bot to say 「${fragment}」`,
    async () =>
      (await messages(url)).find((m) => m.sender === null && m.id > afterId && m.text.includes(fragment)),
    { timeoutMs: STEP_TIMEOUT_MS, intervalMs: 100 },
  );
}

const lastId = async (url: string) => (await messages(url)).at(-1)?.id ?? 0;

describe("a dialog across a kill -9", () => {
  it("continues at the step where it stopped", { timeout: 180_000 }, async () => {
    const first = await startBot();
    await say(first.url, "/登记");
    const phonePrompt = await botSays(first.url, "手机号", 0);
    await say(first.url, "13912345678");
    await botSays(first.url, "职务", phonePrompt.id);

    await first.bot.kill();
    const killed = await first.bot.exited;
    expect(killed.signal).toBe("SIGKILL");
    // The whole process group is gone, the node process that served HTTP included.
    await expect(fetch(`${first.url}/healthz`)).rejects.toThrow();

    const second = await startBot();
    // The conversation so far is still there.
    const before = await messages(second.url);
    expect(before.map((m) => m.text)).toEqual(expect.arrayContaining(["/登记", "13912345678"]));
    const start = await lastId(second.url);

    await say(second.url, "党政办副主任");
    const nightPrompt = await botSays(second.url, "夜间", start);
    expect(nightPrompt.card?.buttons.map((b) => b.label).join(" ")).toMatch(/同意.*不同意/);

    await say(second.url, "1");
    const summary = await botSays(second.url, "请核对", nightPrompt.id);
    // The answers given before the crash are in the summary.
    expect(summary.text).toContain("13912345678");
    expect(summary.text).toContain("党政办副主任");
    expect(summary.text).toContain("同意");
  });
});
