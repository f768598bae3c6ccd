/**
 * kill -9 between a dialog step and its question (issue 11): the real bot as a child process on a
 * PostgreSQL schema and a Redis of the test's own. 张三 answers the time with 刚才; a trigger holds
 * the UPDATE that stores the next step (地点) until the test has paused every Redis write, then
 * lets it commit, and the bot is killed with SIGKILL while whatever it writes next to Redis waits.
 * Started again, the event is handled again (as the redelivery of issue 11 does: its dedupe claim
 * gone) and 张三 answers the place: 事发地点？ is in the chat exactly once and the place is filed
 * under 地点, not 刚才.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../../../../src/store/database.ts";
import { type BotServer, startBotServer } from "../../../../support/bot-server.ts";
import { ConsoleClient } from "../../../../support/console-client.ts";
import { dropSchema, testPostgresUrl, uniqueSchemaName } from "../../../../support/database.ts";
import { holdWrites } from "../../../../support/pg-write-trigger.ts";
import { type PrivateRedis, startPrivateRedis } from "../../../../support/private-redis.ts";
import { uniquePrefix } from "../../../../support/redis.ts";
import { waitFor } from "../../../../support/wait-for.ts";

const CHAT = "私聊 张三";
const LOCATION_QUESTION = "事发地点？";
const PLACE = "青山镇李家村村道";
const SETUP_TIMEOUT_MS = 180_000;
const WAIT_MS = 60_000;

const schema = uniqueSchemaName("kill_step");
const prefix = uniquePrefix("dialog-kill");
let redis: PrivateRedis;
let database: Database;
let dataDir: string;
const bots: BotServer[] = [];

beforeAll(async () => {
  redis = await startPrivateRedis();
  database = await openDatabase({ databaseUrl: testPostgresUrl(), schema });
  dataDir = await mkdtemp(join(tmpdir(), "kuaibao-kill-step-"));
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  for (const server of bots) await server.bot.kill();
  await redis?.stop();
  await database?.close();
  await dropSchema(testPostgresUrl(), schema);
  await rm(dataDir, { recursive: true, force: true });
}, SETUP_TIMEOUT_MS);

async function startBot(): Promise<ConsoleClient> {
  const server = await startBotServer({
    dataDir,
    prefix,
    env: { DATABASE_URL: `${testPostgresUrl()}?schema=${schema}`, REDIS_URL: redis.url },
    timeoutMs: SETUP_TIMEOUT_MS,
  });
  bots.push(server);
  return new ConsoleClient(server.url);
}

async function session() {
  return database.prisma.dialogSession.findUniqueOrThrow({
    where: { chatId_personId: { chatId: "dm:zhangsan", personId: "zhangsan" } },
  });
}

describe("kill -9 between a dialog step and its question", () => {
  it("leaves the question in the chat once and files the next answer where it was asked", {
    timeout: 3 * SETUP_TIMEOUT_MS,
  }, async () => {
    const first = await startBot();
    await first.say(CHAT, "张三", "上报");
    await first.botSays(CHAT, "事件类型", { timeoutMs: WAIT_MS });
    await first.say(CHAT, "张三", "2");
    await first.botSays(CHAT, "事发时间", { timeoutMs: WAIT_MS });

    const held = await holdWrites(database.prisma, "dialog_session", "NEW.step_id = 'location'");
    const eventId = `msg-${randomUUID()}`;
    // The request dies with the bot.
    const answering = first.say(CHAT, "张三", "刚才", eventId).catch(() => undefined);
    await held.arrived();
    await redis.admin.call("CLIENT", "PAUSE", "120000", "WRITE");
    // Resolves once the held UPDATE has committed (dropping the trigger waits for it).
    await held.release();
    expect((await session()).stepId).toBe("location");
    await bots[0]?.bot.kill();
    await redis.admin.call("CLIENT", "UNPAUSE");
    await answering;

    const second = await startBot();
    await redis.admin.del(`${prefix}:event:console:${eventId}`);
    await second.say(CHAT, "张三", "刚才", eventId);
    const placeAnswer = await second.say(CHAT, "张三", PLACE);
    const next = await waitFor(
      "the question after 地点",
      async () => (await second.botMessages(CHAT, placeAnswer.id)).at(0),
      { timeoutMs: WAIT_MS, intervalMs: 100 },
    );
    expect(next.text).toContain("发生了什么");

    const questions = (await second.botMessages(CHAT)).filter((m) => m.text.includes(LOCATION_QUESTION));
    expect(questions).toHaveLength(1);
    const row = await session();
    expect(row.stepId).toBe("summary");
    expect(row.data).toMatchObject({ location: PLACE });
  });
});
