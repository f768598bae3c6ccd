/**
 * What the 舆情 clock tests share: the real app (database, send queue on Redis, console) on virtual
 * time (the transcript runner's clock and scheduler), items put on file as a confirmed 登记 files
 * them (OpinionStore, dues from the level, clocks armed, the alert counted as sent), time moved
 * forward with every job due on the way run in order, and the bot's messages read per chat.
 * `restart` builds a new app on the same database: with the same scheduler (a restart, Redis
 * intact) or a fresh one (Redis lost its data).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { type App, createApp } from "../../../../../src/app/create-app.ts";
import type { ConsoleMessageDto } from "../../../../../src/bot/adapters/console/console-message.ts";
import { loadOfficeConfig, type OfficeConfig } from "../../../../../src/config/load.ts";
import type { OpinionPolicy } from "../../../../../src/config/opinion-policy.ts";
import { armItemTimers, cancelStageTimers } from "../../../../../src/handlers/opinion/item-timers.ts";
import { OpinionStore } from "../../../../../src/handlers/opinion/opinion-store.ts";
import type { OpinionItem } from "../../../../../src/handlers/opinion/opinion-types.ts";
import { levelOf, opinionDues } from "../../../../../src/handlers/opinion/rules/opinion-level.ts";
import type { Database } from "../../../../../src/store/database.ts";
import { VirtualClock } from "../../../../../src/transcript/virtual-clock.ts";
import { VirtualScheduler } from "../../../../../src/transcript/virtual-scheduler.ts";
import { ROOT, silentLog } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** `2026-12-07 09:00` in the sample office's zone (Asia/Shanghai) as an instant. */
export function local(text: string): Date {
  return new Date(`${text.replace(" ", "T")}:00+08:00`);
}

/**
 * The sample org, roster (周值班 on duty 12-07..12-13) and policy with `opinion:` keys set (e.g.
 * `{ escalate_every: "2h" }`).
 */
export async function opinionConfig(opinion: Record<string, unknown> = {}): Promise<OfficeConfig> {
  const doc = parseDocument(await readFile(join(ROOT, "config/policy.yaml"), "utf8"));
  for (const [key, value] of Object.entries(opinion)) doc.setIn(["opinion", key], value);
  const dir = await mkdtemp(join(tmpdir(), "kuaibao-opinion-clocks-"));
  try {
    const file = join(dir, "policy.yaml");
    await writeFile(file, doc.toString());
    return await loadOfficeConfig(join(ROOT, "config/org.yaml"), file, {
      rosterFile: join(ROOT, "config/roster.yaml"),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export class OpinionWorld {
  readonly clock: VirtualClock;
  scheduler: VirtualScheduler;
  app!: App;
  private readonly prefix = uniquePrefix("opinion-clocks");
  private readonly apps: App[] = [];
  private filed = 0;

  private constructor(
    readonly config: OfficeConfig,
    readonly database: Database,
    start: Date,
  ) {
    this.clock = new VirtualClock(start);
    this.scheduler = new VirtualScheduler(this.clock);
  }

  static async open(config: OfficeConfig, start: Date): Promise<OpinionWorld> {
    const world = new OpinionWorld(config, await openTestDatabase(), start);
    await world.start();
    return world;
  }

  get store(): OpinionStore {
    return new OpinionStore(this.database.prisma);
  }

  get rules(): OpinionPolicy {
    return this.config.policy.opinion;
  }

  private async start(): Promise<void> {
    this.app = await createApp({
      config: this.config,
      prisma: this.database.prisma,
      redisUrl: testRedisUrl(),
      log: silentLog,
      queuePrefix: this.prefix,
      clock: this.clock,
      scheduler: this.scheduler,
      recurring: this.scheduler,
      sharedDatabase: false,
    });
    this.apps.push(this.app);
  }

  /** The app stops and a new one starts on the same database; `redisLost`: with an empty scheduler. */
  async restart(redisLost: boolean): Promise<void> {
    await this.app.close();
    if (redisLost) this.scheduler = new VirtualScheduler(this.clock);
    await this.start();
  }

  /**
   * Files an item now as a confirmed 登记 does (found at `foundAt`, level `levelId`, for `unitId`),
   * counts its alert as sent and arms its clocks.
   */
  async register(foundAt: Date, levelId = "general", unitId = "qingshan"): Promise<OpinionItem> {
    const now = this.clock.now();
    this.filed += 1;
    const { item } = await this.store.create({
      sourceKey: `test-${this.filed}`,
      source: "微博",
      link: "https://weibo.com/1234567890/AbCdEf",
      content: "网友发帖称青山镇李家村垃圾长期无人清运",
      unitId,
      foundAt,
      reads: 23_000,
      reposts: 150,
      comments: 320,
      levelId,
      registeredBy: "sun-zhiban",
      chatId: "duty",
      registeredAt: now,
      ...opinionDues(levelOf(this.rules, levelId), foundAt),
      year: 2026,
    });
    await this.store.setIf(item.id, { alertedAt: null }, { alertedAt: now });
    await armItemTimers(this.scheduler, this.rules, item, now);
    return (await this.store.byId(item.id)) as OpinionItem;
  }

  /** 核实 as the answer helper records it (the stage's clocks cancelled). */
  async verify(item: OpinionItem, by = "zhangsan"): Promise<void> {
    const at = this.clock.now();
    await this.store.updateIf(
      item.id,
      { verifiedAt: null, status: "open" },
      { verifiedAt: at, verifiedBy: by, verification: "情况属实，已安排清运" },
      { kind: "verified", at, actorId: by, detail: { text: "情况属实，已安排清运" } },
    );
    await cancelStageTimers(this.scheduler, (await this.store.byId(item.id)) as OpinionItem, "verify");
  }

  /** 已回应 as the answer helper records it (the stage's clocks cancelled). */
  async respond(item: OpinionItem, by = "zhangsan"): Promise<void> {
    const at = this.clock.now();
    await this.store.updateIf(
      item.id,
      { respondedAt: null, status: "open" },
      { respondedAt: at, respondedBy: by, responseNote: "https://weibo.com/reply/1" },
      { kind: "responded", at, actorId: by, detail: { text: "https://weibo.com/reply/1" } },
    );
    await cancelStageTimers(this.scheduler, (await this.store.byId(item.id)) as OpinionItem, "respond");
  }

  /** 办结, its clocks left in place on purpose (they must find nothing to do). */
  async closeItem(item: OpinionItem, by = "sun-zhiban"): Promise<void> {
    const at = this.clock.now();
    await this.store.updateIf(
      item.id,
      { status: "open" },
      { status: "closed", closedAt: at, closedBy: by },
      { kind: "closed", at, actorId: by },
    );
  }

  /** Moves the clock to `until`, running every job due on the way (and waiting for its sends). */
  async advance(until: Date): Promise<void> {
    await this.scheduler.advance(
      until,
      (key, job) => this.app.jobs.run(this.app.services, key, job),
      () => this.app.idle(),
    );
  }

  /** The bot's messages in a chat (`qingshan-work`, `dm:qian-zhenzhang`), oldest first. */
  async said(chatId: string): Promise<ConsoleMessageDto[]> {
    return (await this.app.history.list(chatId, 0, 10_000)).filter((m) => m.sender === null);
  }

  /** The bot's messages in a chat containing `fragment`. */
  async saidWith(chatId: string, fragment: string): Promise<ConsoleMessageDto[]> {
    return (await this.said(chatId)).filter((m) => m.text.includes(fragment));
  }

  /** The texts the bot sent to a chat containing `fragment`. */
  async texts(chatId: string, fragment: string): Promise<string[]> {
    return (await this.saidWith(chatId, fragment)).map((m) => m.text);
  }

  /** Keys still waiting on the scheduler for an item. */
  waitingFor(itemId: number): string[] {
    return this.scheduler
      .waiting()
      .map((w) => w.key)
      .filter((k) => k.startsWith(`opinion-${itemId}-`));
  }

  async close(): Promise<void> {
    for (const app of this.apps) await app.close().catch(() => undefined);
    await this.database.close();
    await deletePrefixedKeys(this.prefix);
  }
}
