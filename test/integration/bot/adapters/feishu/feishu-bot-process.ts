/**
 * The real bot as a child process with Feishu in webhook mode against a fake Feishu server: its own
 * app id (so its inbound queue, `feishu-<app id>`, is nobody else's), an org file with Feishu ids,
 * a data folder and queue prefix that outlive a kill -9, and events posted to its webhook signed
 * and encrypted as Feishu does.
 */
import { randomBytes } from "node:crypto";
import { FAKE_APP_SECRET, FakeFeishuServer } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { signedRequest } from "../../../../support/fake-feishu/feishu-payloads.ts";
import {
  chatIdOf,
  ENCRYPT_KEY,
  openIdOf,
  VERIFICATION_TOKEN,
} from "../../../../support/fake-feishu/feishu-test-app.ts";
import { botProcessPlace, PlatformBotProcess } from "../../../../support/platform-bot-process.ts";

const WEBHOOK_PATH = "/feishu/events";

export class FeishuBotProcess extends PlatformBotProcess<FakeFeishuServer> {
  private constructor(
    readonly appId: string,
    dataDir: string,
    prefix: string,
  ) {
    super("feishu", new FakeFeishuServer({ appId }), dataDir, prefix);
  }

  static async create(name: string): Promise<FeishuBotProcess> {
    const { dataDir, prefix } = await botProcessPlace(name);
    const bot = new FeishuBotProcess(`cli_${randomBytes(8).toString("hex")}`, dataDir, prefix);
    await bot.prepare({
      person: (id) => ({ open_id: openIdOf(id) }),
      group: (id) => ({ chat_id: chatIdOf(id) }),
    });
    return bot;
  }

  /** The inbound queue's Redis prefix: keyed by the app id, as every process of the app shares it. */
  get feishuPrefix(): string {
    return `feishu-${this.appId}`;
  }

  protected get inboundPrefix(): string {
    return this.feishuPrefix;
  }

  protected env(): Record<string, string> {
    return {
      FEISHU_APP_ID: this.appId,
      FEISHU_APP_SECRET: FAKE_APP_SECRET,
      FEISHU_DOMAIN: this.fake.url,
      FEISHU_MODE: "webhook",
      FEISHU_ENCRYPT_KEY: ENCRYPT_KEY,
      FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
      FEISHU_WEBHOOK_PATH: WEBHOOK_PATH,
      FEISHU_READ_POLL_SECONDS: "0",
    };
  }

  /** Posts an event to the webhook as Feishu does; resolves with the HTTP status. */
  async post(payload: unknown): Promise<number> {
    const url = this.url();
    const request = signedRequest(ENCRYPT_KEY, payload);
    const response = await fetch(`${url}${WEBHOOK_PATH}`, {
      method: "POST",
      headers: request.headers,
      body: request.body,
    });
    await response.arrayBuffer();
    return response.status;
  }
}
