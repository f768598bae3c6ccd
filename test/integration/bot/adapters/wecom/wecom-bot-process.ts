/**
 * The real bot as a child process with WeCom against a fake WeCom server: its own corp id (so its
 * inbound queue, `wecom-<corp>-<agent>`, is nobody else's), an org file with WeCom ids, a data folder
 * and queue prefix that outlive a kill -9, and callbacks posted to it encrypted and signed as WeCom
 * does (on the console's port: no callback port of its own is set).
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
import {
  FAKE_AGENT_ID,
  FAKE_SECRET,
  FakeWecomServer,
} from "../../../../support/fake-wecom/fake-wecom-server.ts";
import {
  CALLBACK_AES_KEY,
  CALLBACK_TOKEN,
  signedCallback,
} from "../../../../support/fake-wecom/wecom-payloads.ts";
import { chatIdOf, userIdOf } from "../../../../support/fake-wecom/wecom-test-app.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";

const CALLBACK_PATH = "/wecom/callback";

interface OrgEntry {
  id: string;
  wecom?: Record<string, string>;
}

async function writeOrgWithWecomIds(dir: string): Promise<string> {
  const org = parse(await readFile(join(ROOT, "config/org.yaml"), "utf8")) as {
    people: OrgEntry[];
    groups: OrgEntry[];
  };
  for (const person of org.people) person.wecom = { userid: userIdOf(person.id) };
  for (const group of org.groups) group.wecom = { chatid: chatIdOf(group.id) };
  const file = join(dir, "org.yaml");
  await writeFile(file, stringify(org));
  return file;
}

export class WecomBotProcess {
  server?: BotServer;
  readonly corpId = `ww${randomBytes(8).toString("hex")}`;
  readonly fake: FakeWecomServer;
  readonly redis: Redis;
  private outputs: string[] = [];
  private orgFile = "";
  private inbound?: Queue;
  private outbound?: Queue;

  private constructor(
    readonly dataDir: string,
    readonly prefix: string,
  ) {
    this.fake = new FakeWecomServer({ corpId: this.corpId });
    this.redis = createRedis(testRedisUrl());
  }

  static async create(name: string): Promise<WecomBotProcess> {
    const bot = new WecomBotProcess(await mkdtemp(join(tmpdir(), `kuaibao-${name}-`)), uniquePrefix(name));
    bot.orgFile = await writeOrgWithWecomIds(bot.dataDir);
    await bot.fake.start();
    return bot;
  }

  /** The inbound queue's Redis prefix: keyed by corp and agent, as every process of the app shares it. */
  get wecomPrefix(): string {
    return `wecom-${this.corpId}-${FAKE_AGENT_ID}`;
  }

  async start(): Promise<void> {
    this.server = await startBotServer({
      dataDir: this.dataDir,
      prefix: this.prefix,
      timeoutMs: 90_000,
      env: {
        ORG_FILE: this.orgFile,
        WECOM_CORP_ID: this.corpId,
        WECOM_AGENT_ID: String(FAKE_AGENT_ID),
        WECOM_SECRET: FAKE_SECRET,
        WECOM_TOKEN: CALLBACK_TOKEN,
        WECOM_AES_KEY: CALLBACK_AES_KEY,
        WECOM_BASE_URL: this.fake.url,
        WECOM_CALLBACK_PATH: CALLBACK_PATH,
      },
    });
  }

  /** Posts a callback as WeCom does; resolves with the HTTP status. */
  async post(innerXml: string): Promise<number> {
    if (!this.server) throw new Error("the bot is not running");
    const request = signedCallback(innerXml, { corpId: this.corpId });
    const response = await fetch(`${this.server.url}${CALLBACK_PATH}?${request.query}`, {
      method: "POST",
      headers: { "content-type": "text/xml" },
      body: request.body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  async kill(): Promise<void> {
    if (!this.server) return;
    await this.server.bot.kill();
    this.outputs.push(this.server.bot.output());
    this.server = undefined;
  }

  output(): string {
    return [...this.outputs, this.server?.bot.output() ?? ""].join("\n");
  }

  async inboundJobState(jobId: string): Promise<string> {
    this.inbound ??= new Queue(inboundQueueName("wecom"), {
      connection: this.redis,
      prefix: this.wecomPrefix,
    });
    const job = await this.inbound.getJob(jobId);
    return job ? await job.getState() : "unknown";
  }

  async unfinishedSends(): Promise<number> {
    this.outbound ??= new Queue(outboundQueueName("wecom"), { connection: this.redis, prefix: this.prefix });
    return this.outbound.getJobCountByTypes("waiting", "active", "prioritized", "delayed");
  }

  async dispose(): Promise<void> {
    await this.kill();
    await this.inbound?.close();
    await this.outbound?.close();
    this.redis.disconnect();
    await this.fake.close();
    await deletePrefixedKeys(this.prefix);
    await deletePrefixedKeys(this.wecomPrefix);
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
