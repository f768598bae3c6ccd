/**
 * What the 督办 clock tests share: the real app (database, send queue on Redis, console) on virtual
 * time (the transcript runner's clock and scheduler), tasks put on file with TaskStore and armed as
 * a confirmed 交办 arms them, time moved forward with every job due on the way run in order, and
 * the bot's messages read per chat. `restart` builds a new app on the same database: with the same
 * scheduler (a restart, Redis intact) or a fresh one (Redis lost its data).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { type App, createApp } from "../../../../src/app/create-app.ts";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import { loadOfficeConfig, type OfficeConfig } from "../../../../src/config/load.ts";
import { armPartTimers } from "../../../../src/handlers/supervision/clocks/part-timers.ts";
import { type NewTask, TaskStore } from "../../../../src/handlers/supervision/task-store.ts";
import type { TaskWithParts } from "../../../../src/handlers/supervision/task-types.ts";
import type { Database } from "../../../../src/store/database.ts";
import { VirtualClock } from "../../../../src/transcript/virtual-clock.ts";
import { VirtualScheduler } from "../../../../src/transcript/virtual-scheduler.ts";
import { ROOT, silentLog } from "../../../support/app.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../support/redis.ts";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `2026-12-07 09:00` in the sample office's zone (Asia/Shanghai) as an instant. */
export function local(text: string): Date {
  return new Date(`${text.replace(" ", "T")}:00+08:00`);
}

/** The sample org and policy with `tasks:` keys set (e.g. `{ progress_every: "1d" }`). */
export async function tasksConfig(tasks: Record<string, unknown> = {}): Promise<OfficeConfig> {
  const doc = parseDocument(await readFile(join(ROOT, "config/policy.yaml"), "utf8"));
  for (const [key, value] of Object.entries(tasks)) doc.setIn(["tasks", key], value);
  const dir = await mkdtemp(join(tmpdir(), "kuaibao-clocks-"));
  try {
    const file = join(dir, "policy.yaml");
    await writeFile(file, doc.toString());
    return await loadOfficeConfig(join(ROOT, "config/org.yaml"), file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export class ClockWorld {
  readonly clock: VirtualClock;
  scheduler: VirtualScheduler;
  app!: App;
  private readonly prefix = uniquePrefix("clocks");
  private readonly apps: App[] = [];

  private constructor(
    readonly config: OfficeConfig,
    readonly database: Database,
    start: Date,
  ) {
    this.clock = new VirtualClock(start);
    this.scheduler = new VirtualScheduler(this.clock);
  }

  static async open(config: OfficeConfig, start: Date): Promise<ClockWorld> {
    const world = new ClockWorld(config, await openTestDatabase(), start);
    await world.start();
    return world;
  }

  get store(): TaskStore {
    return new TaskStore(this.database.prisma);
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

  /** Files a task as a confirmed 交办 does (its cards counted as sent) and arms its parts' clocks. */
  async file(task: Omit<NewTask, "year" | "createdAt" | "assignerId" | "chatId"> & { assignerId?: string }) {
    const now = this.clock.now();
    const { task: filed } = await this.store.create({
      assignerId: "li-shuji",
      chatId: "leaders",
      createdAt: now,
      year: 2026,
      ...task,
    });
    await this.database.prisma.supervisionPart.updateMany({
      where: { taskId: filed.id },
      data: { notifiedAt: now },
    });
    const fresh = (await this.store.byId(filed.id)) as TaskWithParts;
    for (const part of fresh.parts)
      await armPartTimers(this.scheduler, this.config.policy.tasks, fresh, part, now);
    return fresh;
  }

  /** Moves the clock to `until`, running every job due on the way (and waiting for its sends). */
  async advance(until: Date): Promise<void> {
    await this.scheduler.advance(
      until,
      (key, job) => this.app.jobs.run(this.app.services, key, job),
      () => this.app.idle(),
    );
  }

  /** The bot's messages in a chat (`qingshan-work`, `dm:li-shuji`), oldest first. */
  async said(chatId: string): Promise<ConsoleMessageDto[]> {
    return (await this.app.history.list(chatId, 0, 10_000)).filter((m) => m.sender === null);
  }

  /** The texts the bot sent to a chat containing `fragment`. */
  async texts(chatId: string, fragment: string): Promise<string[]> {
    return (await this.said(chatId)).map((m) => m.text).filter((t) => t.includes(fragment));
  }

  /** Keys still waiting on the scheduler for a part. */
  waitingFor(partId: number): string[] {
    return this.scheduler
      .waiting()
      .map((w) => w.key)
      .filter((k) => k.startsWith(`task-part-${partId}-`));
  }

  async close(): Promise<void> {
    for (const app of this.apps) await app.close().catch(() => undefined);
    await this.database.close();
    await deletePrefixedKeys(this.prefix);
  }
}
