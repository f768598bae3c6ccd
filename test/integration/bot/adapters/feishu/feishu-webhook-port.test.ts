/**
 * The webhook on a port of its own (FEISHU_WEBHOOK_PORT): a signed event posted there is handled;
 * that port serves nothing else (no console, no page, no health), and the console's port no longer
 * serves the webhook.
 */
import { describe, expect, it } from "vitest";
import { messageEvent, signedRequest } from "../../../../support/fake-feishu/feishu-payloads.ts";
import {
  chatIdOf,
  ENCRYPT_KEY,
  FAKE_BOT_OPEN_ID,
  openIdOf,
  useFakeFeishu,
  VERIFICATION_TOKEN,
} from "../../../../support/fake-feishu/feishu-test-app.ts";

const QINGSHAN = chatIdOf("qingshan-work");
const WEBHOOK_PATH = "/feishu/events";

const helpEvent = (messageId: string) =>
  messageEvent({
    chatId: QINGSHAN,
    senderOpenId: openIdOf("zhangsan"),
    text: "@{0} 帮助",
    mentions: [{ openId: FAKE_BOT_OPEN_ID, name: "快报助手" }],
    token: VERIFICATION_TOKEN,
    messageId,
  });

async function postSigned(url: string, payload: unknown): Promise<number> {
  const request = signedRequest(ENCRYPT_KEY, payload);
  const response = await fetch(url, { method: "POST", headers: request.headers, body: request.body });
  await response.arrayBuffer();
  return response.status;
}

async function statusOf(url: string, init?: RequestInit): Promise<number> {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return response.status;
}

describe("the webhook on its own port", () => {
  const feishu = useFakeFeishu();

  it("handles signed events there, serves nothing else there, and nothing of it on the console's port", async () => {
    const app = await feishu.start({ webhookHttp: { host: "127.0.0.1", port: 0 } });
    const consoleUrl = app.test.baseUrl;
    const webhookUrl = app.test.app.webhookUrl as string;
    expect(webhookUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(webhookUrl).not.toBe(consoleUrl);

    // The webhook port: the event is queued and handled.
    expect(await postSigned(`${webhookUrl}${WEBHOOK_PATH}`, helpEvent("om_on_webhook_port"))).toBe(200);
    await app.settle();
    const replies = feishu.fake.messagesTo(QINGSHAN);
    expect(replies).toHaveLength(1);

    // Nothing of the console on the webhook port.
    expect(await statusOf(`${webhookUrl}/`)).toBe(404);
    expect(await statusOf(`${webhookUrl}/index.html`)).toBe(404);
    expect(await statusOf(`${webhookUrl}/app.js`)).toBe(404);
    expect(await statusOf(`${webhookUrl}/api/console/directory`)).toBe(404);
    expect(await statusOf(`${webhookUrl}/api/console/messages?chat=${encodeURIComponent("私聊 张三")}`)).toBe(
      404,
    );
    expect(await statusOf(`${webhookUrl}/api/console/stream`)).toBe(404);
    expect(
      await statusOf(`${webhookUrl}/api/console/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat: "私聊 张三", sender: "张三", text: "帮助" }),
      }),
    ).toBe(404);
    expect(await statusOf(`${webhookUrl}/healthz`)).toBe(404);
    // Nobody spoke in the console (the bot's own replies are mirrored there).
    expect(await app.test.database.prisma.consoleMessage.count({ where: { senderId: { not: null } } })).toBe(
      0,
    );

    // The webhook is not on the console's port; the console still is.
    // Refused either way: no such route there, and a POST without a browser Origin (403 first).
    expect([403, 404]).toContain(
      await postSigned(`${consoleUrl}${WEBHOOK_PATH}`, helpEvent("om_on_console_port")),
    );
    expect(await statusOf(`${consoleUrl}/api/console/directory`)).toBe(200);
    await app.settle();
    expect(feishu.fake.messagesTo(QINGSHAN)).toHaveLength(1);
  }, 180_000);

  it("without a webhook port, serves the webhook on the console's port as before", async () => {
    const app = await feishu.start();
    expect(app.test.app.webhookUrl).toBe(app.test.baseUrl);
    expect(app.test.app.webhookHttp).toBeUndefined();
    expect(await postSigned(`${app.test.baseUrl}${WEBHOOK_PATH}`, helpEvent("om_shared_port"))).toBe(200);
    await app.settle();
    expect(feishu.fake.messagesTo(QINGSHAN)).toHaveLength(1);
  }, 180_000);
});
