/**
 * The real bot as a child process with Feishu in webhook mode against a fake Feishu server: its own
 * app id (so its inbound queue, `feishu-<app id>`, is nobody else's), an org file with Feishu ids,
 * a data folder and queue prefix that outlive a kill -9, and events posted to its webhook signed
 * and encrypted as Feishu does.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { parse, stringify } from "yaml";
import { inboundQueueName, outboundQueueName } from "../../../../../src/queue/queue-names.ts";
import { createRedis } from "../../../../../src/queue/redis-connection.ts";
import { ROOT } from "../../../../support/app.ts";
import { type BotServer, startBotServer } from "../../../../support/bot-server.ts";
import { FAKE_APP_SECRET, FakeFeishuServer } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { signedRequest } from "../../../../support/fake-feishu/feishu-payloads.ts";
import {
  chatIdOf,
  ENCRYPT_KEY,
  openIdOf,
  VERIFICATION_TOKEN,
} from "../../../../support/fake-feishu/feishu-test-app.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";

const WEBHOOK_PATH = "/feishu/events";

interface OrgEntry {
  id: string;
  feishu?: Record<string, string>;
}

/** The sample org file with a Feishu open id for everyone and a chat id for every group. */
async function writeOrgWithFeishuIds(dir: string): Promise<string> {
  const org = parse(await readFile(join(ROOT, "config/org.yaml"), "utf8")) as {
    people: OrgEntry[];
    groups: OrgEntry[];
  };
  for (const person of org.people) person.feishu = { open_id: openIdOf(person.id) };
  for (const group of org.groups) group.feishu = { chat_id: chatIdOf(group.id) };
  const file = join(dir, "org.yaml");
  await writeFile(file, stringify(org));
  return file;
}

export class FeishuBotProcess {
  server?: BotServer;
  readonly appId = `cli_${randomBytes(8).toString("hex")}`;
  readonly fake: FakeFeishuServer;
  readonly redis: Redis;
  /** Every output of every process started so far (kept across restarts). */
  private outputs: string[] = [];
  private orgFile = "";
  private inbound?: Queue;
  private outbound?: Queue;

  private constructor(
    readonly dataDir: string,
    readonly prefix: string,
  ) {
    this.fake = new FakeFeishuServer({ appId: this.appId });
    this.redis = createRedis(testRedisUrl());
  }

  static async create(name: string): Promise<FeishuBotProcess> {
    const bot = new FeishuBotProcess(await mkdtemp(join(tmpdir(), `kuaibao-${name}-`)), uniquePrefix(name));
    bot.orgFile = await writeOrgWithFeishuIds(bot.dataDir);
    await bot.fake.start();
    return bot;
  }

  /** The inbound queue's Redis prefix: keyed by the app id, as every process of the app shares it. */
  get feishuPrefix(): string {
    return `feishu-${this.appId}`;
  }

  async start(): Promise<void> {
    this.server = await startBotServer({
      dataDir: this.dataDir,
      prefix: this.prefix,
      timeoutMs: 90_000,
      env: {
        ORG_FILE: this.orgFile,
        FEISHU_APP_ID: this.appId,
        FEISHU_APP_SECRET: FAKE_APP_SECRET,
        FEISHU_DOMAIN: this.fake.url,
        FEISHU_MODE: "webhook",
        FEISHU_ENCRYPT_KEY: ENCRYPT_KEY,
        FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
        FEISHU_WEBHOOK_PATH: WEBHOOK_PATH,
        FEISHU_READ_POLL_SECONDS: "0",
      },
    });
  }

  /** Posts an event to the webhook as Feishu does; resolves with the HTTP status. */
  async post(payload: unknown): Promise<number> {
    if (!this.server) throw new Error("the bot is not running");
    const request = signedRequest(ENCRYPT_KEY, payload);
    const response = await fetch(`${this.server.url}${WEBHOOK_PATH}`, {
      method: "POST",
      headers: request.headers,
      body: request.body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** kill -9 of the whole process group; resolves once it is gone. */
  async kill(): Promise<void> {
    if (!this.server) return;
    await this.server.bot.kill();
    this.outputs.push(this.server.bot.output());
    this.server = undefined;
  }

  /** Everything the bot processes printed (those killed and the running one). */
  output(): string {
    return [...this.outputs, this.server?.bot.output() ?? ""].join("\n");
  }

  /** The state of an inbound job (`unknown` once removed or never queued). */
  async inboundJobState(jobId: string): Promise<string> {
    this.inbound ??= new Queue(inboundQueueName("feishu"), {
      connection: this.redis,
      prefix: this.feishuPrefix,
    });
    const job = await this.inbound.getJob(jobId);
    return job ? await job.getState() : "unknown";
  }

  /** Feishu sends queued and not yet delivered (waiting, running, or waiting for a retry). */
  async unfinishedSends(): Promise<number> {
    this.outbound ??= new Queue(outboundQueueName("feishu"), { connection: this.redis, prefix: this.prefix });
    return this.outbound.getJobCountByTypes("waiting", "active", "prioritized", "delayed");
  }

  async dispose(): Promise<void> {
    await this.kill();
    await this.inbound?.close();
    await this.outbound?.close();
    this.redis.disconnect();
    await this.fake.close();
    await deletePrefixedKeys(this.prefix);
    await deletePrefixedKeys(this.feishuPrefix);
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
