/**
 * The real bot as a child process with DingTalk against a fake DingTalk in the test process: its own
 * client id (so its inbound queue and limits, `dingtalk-<client id>`, are nobody else's), an org file
 * with DingTalk ids (userId = the person's id, groups `cid_<id>`), a data folder and queue prefix
 * that outlive a kill -9, and pushes sent over the fake Stream connection the bot's SDK holds.
 */
import { randomBytes } from "node:crypto";
import { conversationOf, userIdOf } from "../../../../support/fake-dingtalk/dingtalk-test-app.ts";
import {
  FAKE_CLIENT_SECRET,
  FAKE_ROBOT_CODE,
  FakeDingtalkServer,
} from "../../../../support/fake-dingtalk/fake-dingtalk-server.ts";
import { botProcessPlace, PlatformBotProcess } from "../../../../support/platform-bot-process.ts";
import { waitFor } from "../../../../support/wait-for.ts";

export class DingtalkBotProcess extends PlatformBotProcess<FakeDingtalkServer> {
  private constructor(
    readonly clientId: string,
    dataDir: string,
    prefix: string,
  ) {
    super("dingtalk", new FakeDingtalkServer({ clientId }), dataDir, prefix);
  }

  static async create(name: string): Promise<DingtalkBotProcess> {
    const { dataDir, prefix } = await botProcessPlace(name);
    const bot = new DingtalkBotProcess(`ding${randomBytes(8).toString("hex")}`, dataDir, prefix);
    await bot.prepare({
      person: (id) => ({ user_id: userIdOf(id) }),
      group: (id) => ({ open_conversation_id: conversationOf(id) }),
    });
    return bot;
  }

  /** The inbound queue's and limits' Redis prefix: keyed by the client id, shared by the app's processes. */
  get dingtalkPrefix(): string {
    return `dingtalk-${this.clientId}`;
  }

  protected get inboundPrefix(): string {
    return this.dingtalkPrefix;
  }

  protected env(): Record<string, string> {
    return {
      DINGTALK_CLIENT_ID: this.clientId,
      DINGTALK_CLIENT_SECRET: FAKE_CLIENT_SECRET,
      DINGTALK_ROBOT_CODE: FAKE_ROBOT_CODE,
      DINGTALK_BASE_URL: this.fake.url,
      DINGTALK_OAPI_URL: this.fake.url,
      DINGTALK_READ_POLL_SECONDS: "0",
    };
  }

  /** Starts the bot and resolves once it holds a Stream connection to the fake. */
  override async start(): Promise<void> {
    await super.start();
    await waitFor("the bot's Stream connection", () => this.fake.connections > 0, {
      timeoutMs: 30_000,
      intervalMs: 20,
    });
  }

  /** kill -9 of the whole process group; resolves once it is gone and its connection closed. */
  override async kill(): Promise<boolean> {
    if (!(await super.kill())) return false;
    await waitFor("the killed bot's Stream connection closed", () => this.fake.connections === 0, {
      timeoutMs: 30_000,
      intervalMs: 20,
    });
    return true;
  }
}
