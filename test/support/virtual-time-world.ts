/**
 * The real app (database, send queue on Redis, console) on virtual time (the transcript runner's
 * clock and scheduler), for tests of clocks: time moved forward with every job due on the way run
 * in order, the bot's messages read per chat, and `restart` building a new app on the same
 * database — with the same scheduler (a restart, Redis intact) or a fresh one (Redis lost its
 * data). The 督办 and 舆情 clock worlds add their items to it.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { type App, createApp } from "../../src/app/create-app.ts";
import type { ConsoleMessageDto } from "../../src/bot/adapters/console/console-message.ts";
import { loadOfficeConfig, type OfficeConfig } from "../../src/config/load.ts";
import type { Database } from "../../src/store/database.ts";
import { VirtualClock } from "../../src/transcript/virtual-clock.ts";
import { VirtualScheduler } from "../../src/transcript/virtual-scheduler.ts";
import { ROOT, silentLog } from "./app.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "./redis.ts";

/** `2026-12-07 09:00` in the sample office's zone (Asia/Shanghai) as an instant. */
export function local(text: string): Date {
  return new Date(`${text.replace(" ", "T")}:00+08:00`);
}

/** The sample org and policy with keys of one policy section set (`tasks`, `{ progress_every: "1d" }`). */
export async function sampleConfigWith(
  section: string,
  keys: Record<string, unknown>,
  options: { rosterFile?: string } = {},
): Promise<OfficeConfig> {
  const doc = parseDocument(await readFile(join(ROOT, "config/policy.yaml"), "utf8"));
  for (const [key, value] of Object.entries(keys)) doc.setIn([section, key], value);
  const dir = await mkdtemp(join(tmpdir(), "kuaibao-world-"));
  try {
    const file = join(dir, "policy.yaml");
    await writeFile(file, doc.toString());
    return await loadOfficeConfig(join(ROOT, "config/org.yaml"), file, options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export class VirtualTimeWorld {
  readonly clock: VirtualClock;
  scheduler: VirtualScheduler;
  app!: App;
  private readonly prefix: string;
  private readonly apps: App[] = [];

  protected constructor(
    readonly config: OfficeConfig,
    readonly database: Database,
    start: Date,
    prefixTag: string,
  ) {
    this.clock = new VirtualClock(start);
    this.scheduler = new VirtualScheduler(this.clock);
    this.prefix = uniquePrefix(prefixTag);
  }

  protected async start(): Promise<void> {
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

  /** The bot's messages in a chat containing `fragment`. */
  async saidWith(chatId: string, fragment: string): Promise<ConsoleMessageDto[]> {
    return (await this.said(chatId)).filter((m) => m.text.includes(fragment));
  }

  /** The texts the bot sent to a chat containing `fragment`. */
  async texts(chatId: string, fragment: string): Promise<string[]> {
    return (await this.saidWith(chatId, fragment)).map((m) => m.text);
  }

  /** Keys still waiting on the scheduler that start with `prefix`. */
  protected waitingWith(prefix: string): string[] {
    return this.scheduler
      .waiting()
      .map((w) => w.key)
      .filter((k) => k.startsWith(prefix));
  }

  async close(): Promise<void> {
    for (const app of this.apps) await app.close().catch(() => undefined);
    await this.database.close();
    await deletePrefixedKeys(this.prefix);
  }
}
