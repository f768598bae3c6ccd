/**
 * Webhook mode with the inbound queue's Redis away: the webhook answers 500 (so Feishu sends the
 * event again) instead of hanging or crashing, and once Redis is back the resent event is handled
 * once. Redis is taken away by a TCP proxy in front of the real test Redis.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeFeishuServer } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import { messageEvent } from "../../../../support/fake-feishu/feishu-payloads.ts";
import {
  chatIdOf,
  FAKE_BOT_OPEN_ID,
  type FeishuTestApp,
  openIdOf,
  startFeishuTestApp,
  VERIFICATION_TOKEN,
} from "../../../../support/fake-feishu/feishu-test-app.ts";
import { testRedisUrl } from "../../../../support/redis.ts";
import { TcpProxy } from "../../../../support/tcp-proxy.ts";

const QINGSHAN = chatIdOf("qingshan-work");

describe("feishu webhook while Redis is down", () => {
  let fake: FakeFeishuServer;
  let app: FeishuTestApp | undefined;
  const { proxy, url } = TcpProxy.forUrl(testRedisUrl());

  beforeEach(async () => {
    fake = new FakeFeishuServer();
    await fake.start();
    await proxy.start();
  });

  afterEach(async () => {
    await proxy.start(); // back, so the app can close its connections
    await app?.close();
    await proxy.stop();
    await fake.close();
  });

  it("answers 500 so Feishu resends, then handles the resend once Redis is back", async () => {
    app = await startFeishuTestApp(fake, { redisUrl: url() });
    const event = messageEvent({
      chatId: QINGSHAN,
      senderOpenId: openIdOf("zhangsan"),
      text: "@{0} 帮助",
      mentions: [{ openId: FAKE_BOT_OPEN_ID, name: "快报助手" }],
      token: VERIFICATION_TOKEN,
      messageId: "om_while_redis_down",
    });

    await proxy.stop();
    const refused = await app.post(event);
    expect(refused.status).toBe(500);
    expect(refused.body).toEqual({ error: "not queued" });
    // Still up: what needs no queue is answered as before.
    const challenge = await app.post({
      type: "url_verification",
      challenge: "c-1",
      token: VERIFICATION_TOKEN,
    });
    expect(challenge).toEqual({ status: 200, body: { challenge: "c-1" } });

    await proxy.start();
    const resent = await app.post(event);
    expect(resent.status).toBe(200);
    await app.settle();
    await app.settle();
    const replies = fake.messagesTo(QINGSHAN);
    expect(replies).toHaveLength(1);
  }, 60_000);
});
