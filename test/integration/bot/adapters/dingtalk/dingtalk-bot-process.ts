/**
 * The real bot as a child process with DingTalk against a fake DingTalk in the test process: its own
 * client id (so its inbound queue and limits, `dingtalk-<client id>`, are nobody else's), an org file
 * with DingTalk ids (userId = the person's id, groups `cid_<id>`), a data folder and queue prefix
 * that outlive a kill -9, and pushes sent over the fake Stream connection the bot's SDK holds.
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
import { conversationOf, userIdOf } from "../../../../support/fake-dingtalk/dingtalk-test-app.ts";
import {
  FAKE_CLIENT_SECRET,
  FAKE_ROBOT_CODE,
  FakeDingtalkServer,
} from "../../../../support/fake-dingtalk/fake-dingtalk-server.ts";
import { deletePrefixedKeys, testRedisUrl, uniquePrefix } from "../../../../support/redis.ts";
import { waitFor } from "../../../../support/wait-for.ts";

interface OrgEntry {
  id: string;
  dingtalk?: Record<string, string>;
}

/** The sample org file with a DingTalk userId for everyone and an openConversationId for every group. */
async function writeOrgWithDingtalkIds(dir: string): Promise<string> {
  const org = parse(await readFile(join(ROOT, "config/org.yaml"), "utf8")) as {
    people: OrgEntry[];
    groups: OrgEntry[];
  };
  for (const person of org.people) person.dingtalk = { user_id: userIdOf(person.id) };
  for (const group of org.groups) group.dingtalk = { open_conversation_id: conversationOf(group.id) };
  const file = join(dir, "org.yaml");
  await writeFile(file, stringify(org));
  return file;
}

export class DingtalkBotProcess {
  server?: BotServer;
  readonly clientId = `ding${randomBytes(8).toString("hex")}`;
  readonly fake: FakeDingtalkServer;
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
    this.fake = new FakeDingtalkServer({ clientId: this.clientId });
    this.redis = createRedis(testRedisUrl());
  }

  static async create(name: string): Promise<DingtalkBotProcess> {
    const bot = new DingtalkBotProcess(await mkdtemp(join(tmpdir(), `kuaibao-${name}-`)), uniquePrefix(name));
    bot.orgFile = await writeOrgWithDingtalkIds(bot.dataDir);
    await bot.fake.start();
    return bot;
  }

  /** The inbound queue's and limits' Redis prefix: keyed by the client id, shared by the app's processes. */
  get dingtalkPrefix(): string {
    return `dingtalk-${this.clientId}`;
  }

  /** Starts the bot and resolves once it holds a Stream connection to the fake. */
  async start(): Promise<void> {
    this.server = await startBotServer({
      dataDir: this.dataDir,
      prefix: this.prefix,
      timeoutMs: 90_000,
      env: {
        ORG_FILE: this.orgFile,
        DINGTALK_CLIENT_ID: this.clientId,
        DINGTALK_CLIENT_SECRET: FAKE_CLIENT_SECRET,
        DINGTALK_ROBOT_CODE: FAKE_ROBOT_CODE,
        DINGTALK_BASE_URL: this.fake.url,
        DINGTALK_OAPI_URL: this.fake.url,
        DINGTALK_READ_POLL_SECONDS: "0",
      },
    });
    await waitFor("the bot's Stream connection", () => this.fake.connections > 0, {
      timeoutMs: 30_000,
      intervalMs: 20,
    });
  }

  /** kill -9 of the whole process group; resolves once it is gone and its connection closed. */
  async kill(): Promise<void> {
    if (!this.server) return;
    await this.server.bot.kill();
    this.outputs.push(this.server.bot.output());
    this.server = undefined;
    await waitFor("the killed bot's Stream connection closed", () => this.fake.connections === 0, {
      timeoutMs: 30_000,
      intervalMs: 20,
    });
  }

  /** Everything the bot processes printed (those killed and the running one). */
  output(): string {
    return [...this.outputs, this.server?.bot.output() ?? ""].join("\n");
  }

  /** The state of an inbound job (`unknown` once removed or never queued). */
  async inboundJobState(jobId: string): Promise<string> {
    this.inbound ??= new Queue(inboundQueueName("dingtalk"), {
      connection: this.redis,
      prefix: this.dingtalkPrefix,
    });
    const job = await this.inbound.getJob(jobId);
    return job ? await job.getState() : "unknown";
  }

  /** DingTalk sends queued and not yet delivered (waiting, running, or waiting for a retry). */
  async unfinishedSends(): Promise<number> {
    this.outbound ??= new Queue(outboundQueueName("dingtalk"), {
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
    await deletePrefixedKeys(this.dingtalkPrefix);
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
