/**
 * The real bot as a child process against a platform's fake server (Feishu, DingTalk, WeCom): an
 * app id of its own (so its inbound queue is nobody else's), an org file with the platform's ids,
 * and a data folder and queue prefix that outlive a kill -9. Each platform's helper adds how events
 * reach the bot and the environment that points it at the fake.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { parse, stringify } from "yaml";
import { inboundQueueName, outboundQueueName } from "../../src/queue/queue-names.ts";
import { createRedis } from "../../src/queue/redis-connection.ts";
import { ROOT } from "./app.ts";
import { type BotServer, startBotServer } from "./bot-server.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "./redis.ts";

type Platform = "feishu" | "dingtalk" | "wecom";

interface OrgEntry {
  id: string;
  [platform: string]: unknown;
}

/** The platform's ids of a person and of a group, as the org file holds them. */
export interface OrgIds {
  person(id: string): Record<string, string>;
  group(id: string): Record<string, string>;
}

/** The sample org file with the platform's ids for everyone and every group; resolves with its path. */
async function writeOrgWithIds(dir: string, platform: Platform, ids: OrgIds): Promise<string> {
  const org = parse(await readFile(join(ROOT, "config/org.yaml"), "utf8")) as {
    people: OrgEntry[];
    groups: OrgEntry[];
  };
  for (const person of org.people) person[platform] = ids.person(person.id);
  for (const group of org.groups) group[platform] = ids.group(group.id);
  const file = join(dir, "org.yaml");
  await writeFile(file, stringify(org));
  return file;
}

/** A data folder and a queue prefix of their own for a bot process named `name`. */
export async function botProcessPlace(name: string): Promise<{ dataDir: string; prefix: string }> {
  return { dataDir: await mkdtemp(join(tmpdir(), `kuaibao-${name}-`)), prefix: uniquePrefix(name) };
}

export abstract class PlatformBotProcess<
  Fake extends { start(): Promise<unknown>; close(): Promise<unknown> },
> {
  server?: BotServer;
  readonly redis: Redis;
  /** Every output of every process started so far (kept across restarts). */
  private outputs: string[] = [];
  private orgFile = "";
  private inbound?: Queue;
  private outbound?: Queue;

  protected constructor(
    private readonly platform: Platform,
    readonly fake: Fake,
    readonly dataDir: string,
    readonly prefix: string,
  ) {
    this.redis = createRedis(testRedisUrl());
  }

  /** The inbound queue's Redis prefix: keyed by the app, as every process of the app shares it. */
  protected abstract get inboundPrefix(): string;

  /** The environment that points the bot at the fake (besides its org file). */
  protected abstract env(): Record<string, string>;

  /** Writes the org file and starts the fake (the platform's `create` calls it once). */
  protected async prepare(ids: OrgIds): Promise<void> {
    this.orgFile = await writeOrgWithIds(this.dataDir, this.platform, ids);
    await this.fake.start();
  }

  async start(): Promise<void> {
    this.server = await startBotServer({
      dataDir: this.dataDir,
      prefix: this.prefix,
      timeoutMs: 90_000,
      env: { ORG_FILE: this.orgFile, ...this.env() },
    });
  }

  /** The running bot's URL. */
  protected url(): string {
    if (!this.server) throw new Error("the bot is not running");
    return this.server.url;
  }

  /** kill -9 of the whole process group; resolves once it is gone (false when none was running). */
  async kill(): Promise<boolean> {
    if (!this.server) return false;
    await this.server.bot.kill();
    this.outputs.push(this.server.bot.output());
    this.server = undefined;
    return true;
  }

  /** Everything the bot processes printed (those killed and the running one). */
  output(): string {
    return [...this.outputs, this.server?.bot.output() ?? ""].join("\n");
  }

  /** The state of an inbound job (`unknown` once removed or never queued). */
  async inboundJobState(jobId: string): Promise<string> {
    this.inbound ??= new Queue(inboundQueueName(this.platform), {
      connection: this.redis,
      prefix: this.inboundPrefix,
    });
    const job = await this.inbound.getJob(jobId);
    return job ? await job.getState() : "unknown";
  }

  /** Sends queued and not yet delivered (waiting, running, or waiting for a retry). */
  async unfinishedSends(): Promise<number> {
    this.outbound ??= new Queue(outboundQueueName(this.platform), {
      connection: this.redis,
      prefix: this.prefix,
    });
    return this.outbound.getJobCountByTypes("waiting", "active", "prioritized", "delayed");
  }

  async dispose(): Promise<void> {
    await this.kill();
    await this.inbound?.close();
    await this.outbound?.close();
    this.redis.disconnect();
    await this.fake.close();
    await deletePrefixedKeys(this.prefix);
    await deletePrefixedKeys(this.inboundPrefix);
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
