/**
 * The real bot as a child process with WeCom against a fake WeCom server: its own corp id (so its
 * inbound queue, `wecom-<corp>-<agent>`, is nobody else's), an org file with WeCom ids, a data folder
 * and queue prefix that outlive a kill -9, and callbacks posted to it encrypted and signed as WeCom
 * does (on the console's port: no callback port of its own is set).
 */
import { randomBytes } from "node:crypto";
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
import { botProcessPlace, PlatformBotProcess } from "../../../../support/platform-bot-process.ts";

const CALLBACK_PATH = "/wecom/callback";

export class WecomBotProcess extends PlatformBotProcess<FakeWecomServer> {
  private constructor(
    readonly corpId: string,
    dataDir: string,
    prefix: string,
  ) {
    super("wecom", new FakeWecomServer({ corpId }), dataDir, prefix);
  }

  static async create(name: string): Promise<WecomBotProcess> {
    const { dataDir, prefix } = await botProcessPlace(name);
    const bot = new WecomBotProcess(`ww${randomBytes(8).toString("hex")}`, dataDir, prefix);
    await bot.prepare({
      person: (id) => ({ userid: userIdOf(id) }),
      group: (id) => ({ chatid: chatIdOf(id) }),
    });
    return bot;
  }

  /** The inbound queue's Redis prefix: keyed by corp and agent, as every process of the app shares it. */
  get wecomPrefix(): string {
    return `wecom-${this.corpId}-${FAKE_AGENT_ID}`;
  }

  protected get inboundPrefix(): string {
    return this.wecomPrefix;
  }

  protected env(): Record<string, string> {
    return {
      WECOM_CORP_ID: this.corpId,
      WECOM_AGENT_ID: String(FAKE_AGENT_ID),
      WECOM_SECRET: FAKE_SECRET,
      WECOM_TOKEN: CALLBACK_TOKEN,
      WECOM_AES_KEY: CALLBACK_AES_KEY,
      WECOM_BASE_URL: this.fake.url,
      WECOM_CALLBACK_PATH: CALLBACK_PATH,
    };
  }

  /** Posts a callback as WeCom does; resolves with the HTTP status. */
  async post(innerXml: string): Promise<number> {
    const url = this.url();
    const request = signedCallback(innerXml, { corpId: this.corpId });
    const response = await fetch(`${url}${CALLBACK_PATH}?${request.query}`, {
      method: "POST",
      headers: { "content-type": "text/xml" },
      body: request.body,
    });
    await response.arrayBuffer();
    return response.status;
  }
}
