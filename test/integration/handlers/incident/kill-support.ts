/**
 * What the kill -9 tests share: a bot process on a data folder that can be killed and started again,
 * a look at the Redis queues from outside, and the checks that a report ended up filed and alerted
 * exactly once.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { expect } from "vitest";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import { createRedis } from "../../../../src/queue/redis-connection.ts";
import { type Database, openDatabase } from "../../../../src/store/database.ts";
import { type BotServer, startBotServer } from "../../../support/bot-server.ts";
import { ConsoleClient } from "../../../support/console-client.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../support/redis.ts";
import { waitFor } from "../../../support/wait-for.ts";
import { confirmAction, DUTY_CHAT, LEADERS_CHAT, REPORTER, UNIT_CHAT } from "./guided-report.ts";
import { type JobState, QueueState } from "./queue-state.ts";

/**
 * How long to wait for work a killed bot had started: BullMQ hands its jobs to the new bot only once
 * their lock (30 s) has expired and two stalled checks (every 30 s) have seen them — about 60 s here.
 */
export const STALLED_RECOVERY_MS = 90_000;

export class KillableBot {
  server!: BotServer;
  client!: ConsoleClient;
  readonly queues: QueueState;
  readonly redis: Redis;
  private readonly seenAlertJobs = new Set<string>();

  private constructor(
    readonly dataDir: string,
    readonly prefix: string,
  ) {
    this.queues = new QueueState(prefix);
    this.redis = createRedis(testRedisUrl());
  }

  static async create(name: string): Promise<KillableBot> {
    const bot = new KillableBot(await mkdtemp(join(tmpdir(), `kuaibao-${name}-`)), uniquePrefix(name));
    await bot.start();
    return bot;
  }

  async start(): Promise<void> {
    this.server = await startBotServer({ dataDir: this.dataDir, prefix: this.prefix });
    this.client = new ConsoleClient(this.server.url);
  }

  /** kill -9 of the whole process group; resolves once it is gone. */
  async kill(): Promise<void> {
    await this.server.bot.kill();
    expect((await this.server.bot.exited).signal).toBe("SIGKILL");
  }

  private async alertJobKeys(): Promise<string[]> {
    const keys = await this.redis.keys(`${this.prefix}:jobs:k-incident-*-alert`);
    return keys.map((k) => k.slice(`${this.prefix}:jobs:k-`.length));
  }

  /** Notes the alert jobs there are now, so `newAlertJob` finds the next one. Call before a confirm. */
  async noteAlertJobs(): Promise<void> {
    for (const key of await this.alertJobKeys()) this.seenAlertJobs.add(key);
  }

  /** The scheduler key (`incident-<id>-alert`) of an alert job added since `noteAlertJobs`, if any. */
  async newAlertJob(): Promise<string | undefined> {
    return (await this.alertJobKeys()).find((k) => !this.seenAlertJobs.has(k));
  }

  alertJobState(key: string | undefined): Promise<JobState> | JobState {
    return key ? this.queues.job(key) : "unknown";
  }

  /**
   * The bot's database while the bot is down (PGlite allows one process), for `use`; retried while
   * the killed process still holds the folder's lock.
   */
  async inspectDatabase<T>(use: (database: Database) => Promise<T>): Promise<T> {
    const database = await waitFor(
      "the data folder to be free",
      () => openDatabase({ dataDir: join(this.dataDir, "pglite") }),
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    try {
      return await use(database);
    } finally {
      await database.close();
    }
  }

  async dispose(): Promise<void> {
    await this.server?.bot.kill();
    await this.queues.close();
    this.redis.disconnect();
    await deletePrefixedKeys(this.prefix);
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** Alert cards (not escalations) whose 地点 is `place`. */
export function alertCardsAt(messages: ConsoleMessageDto[], place: string): ConsoleMessageDto[] {
  return messages.filter(
    (m) => m.card?.fields.some((f) => f.label === "地点" && f.value === place) && !m.text.includes("未阅"),
  );
}

/** Receipts (已上报，编号 …) in the unit chat after the summary card. */
export async function receiptsAfter(client: ConsoleClient, summary: ConsoleMessageDto) {
  return (await client.botMessages(UNIT_CHAT, summary.id)).filter((m) => m.text.includes("已上报"));
}

/**
 * After a restart: when the receipt of the confirm `eventId` was never queued, the platform
 * redelivers the confirm (same event id) and, if that is not answered, the reporter presses 确认上报
 * again (a new event). Waits for the receipt(s), which must all name one incident; returns its number.
 */
export async function settleReceipt(
  bot: KillableBot,
  summary: ConsoleMessageDto,
  eventId: string,
  timeoutMs: number,
): Promise<{ number: string; redelivered: "not needed" | "answered" | "dropped" }> {
  const { client } = bot;
  let redelivered: "not needed" | "answered" | "dropped" = "not needed";
  const queued = (await bot.queues.send(`console-${eventId}-1`)) !== "unknown";
  if (!queued && (await receiptsAfter(client, summary)).length === 0) {
    await client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary), eventId);
    const answered = await waitFor(
      "a receipt",
      async () => (await receiptsAfter(client, summary)).length > 0,
      { timeoutMs: 2_000 },
    ).catch(() => false);
    redelivered = answered ? "answered" : "dropped";
    if (!answered) await client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary));
  }
  const receipts = await waitFor(
    "a receipt",
    async () => {
      const found = await receiptsAfter(client, summary);
      return found.length > 0 && found;
    },
    { timeoutMs },
  );
  const numbers = new Set(receipts.map((m) => /编号 (\d{4}-\d{4})/.exec(m.text)?.[1]));
  expect([...numbers], "receipts name different incidents").toHaveLength(1);
  const [number] = numbers;
  if (!number) throw new Error(`no incident number in ${receipts[0]?.text}`);
  return { number, redelivered };
}

/**
 * The alert of the report at `place` reaches 县领导群 and 总值班室, and once the queues have nothing
 * left to do there is exactly one alert card in each, naming `number`. Returns when the first
 * alert card was stored.
 */
export async function expectAlertedOnce(
  bot: KillableBot,
  place: string,
  number: string,
  timeoutMs: number,
): Promise<Date> {
  const { client } = bot;
  for (const chat of [LEADERS_CHAT, DUTY_CHAT]) await client.botSays(chat, place, { timeoutMs });
  await waitFor(
    "no job due or running and every send delivered",
    async () => {
      const { jobs, sends } = await bot.queues.unfinished();
      return jobs === 0 && sends === 0;
    },
    { timeoutMs },
  );
  const times: number[] = [];
  for (const chat of [LEADERS_CHAT, DUTY_CHAT]) {
    const cards = alertCardsAt(await client.botMessages(chat), place);
    expect(cards, `alert cards in ${chat}`).toHaveLength(1);
    expect(cards[0]?.card?.fields.find((f) => f.label === "编号")?.value).toBe(number);
    times.push(Date.parse(cards[0]?.time ?? ""));
  }
  return new Date(Math.min(...times));
}

/** After the bot is down: one incident at each place, alerted, with one "alerted" timeline entry. */
export async function expectOneIncidentPerPlace(bot: KillableBot, places: string[]) {
  await bot.inspectDatabase(async ({ prisma }) => {
    const incidents = await prisma.incident.findMany({ orderBy: { id: "asc" } });
    expect(incidents.map((i) => i.location).sort()).toEqual([...places].sort());
    for (const incident of incidents) {
      expect(incident.alertedAt, incident.number).not.toBeNull();
      const alerted = await prisma.timelineEntry.count({
        where: { incidentId: incident.id, kind: "alerted" },
      });
      expect(alerted, `${incident.number} alerted entries`).toBe(1);
    }
  });
}
