/**
 * Sends through the Feishu sink against the fake server: 429 with Feishu's reset hint, a lost
 * answer (the message was stored), 500s, an expired token, the per-chat limit under a burst,
 * 加急 and its failures reported to duty, and a card patched in place by an `updateOf` message.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { FakeFeishuServer } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import {
  chatIdOf,
  type FeishuTestApp,
  openIdOf,
  useFakeFeishu,
} from "../../../../support/fake-feishu/feishu-test-app.ts";
import { buttonsOf, viewText } from "../../../../support/fake-feishu/feishu-view.ts";

const QINGSHAN = chatIdOf("qingshan-work");
const CREATE = /^\/open-apis\/im\/v1\/messages$/;

describe("feishu outbound", () => {
  const feishu = useFakeFeishu();
  let fake: FakeFeishuServer;
  let app: FeishuTestApp;

  beforeEach(async () => {
    fake = feishu.fake;
    app = await feishu.start();
  });

  const send = async (key: string, extra: Record<string, unknown> = {}) => {
    await app.test.app.messenger.send({
      chatId: "qingshan-work",
      text: `消息 ${key}`,
      idempotencyKey: key,
      ...extra,
    });
    await app.settle();
  };

  it("waits as long as a 429 says and posts once", async () => {
    fake.fail({
      method: "POST",
      path: CREATE,
      kind: "status",
      status: 429,
      headers: { "x-ogw-ratelimit-reset": "1" },
      times: 1,
    });
    await send("k-429");
    const calls = fake.callsTo(CREATE, "POST");
    expect(calls).toHaveLength(2);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(fake.messagesTo(QINGSHAN)).toHaveLength(1);
  });

  it("takes a rate slot for each try of a send: a retry waits for the chat's next slot", async () => {
    const oneASecond = await feishu.start({ settings: { perChatPerSecond: 1, backoffMs: 50 } });
    fake.fail({ method: "POST", path: CREATE, kind: "status", status: 500, times: 1 });
    await oneASecond.test.app.messenger.send({
      chatId: "qingshan-work",
      text: "消息",
      idempotencyKey: "k-slot",
    });
    await oneASecond.settle();
    const calls = fake.callsTo(CREATE, "POST");
    expect(calls).toHaveLength(2);
    // Feishu saw the first try: the second (50 ms backoff) still waits out the chat's second.
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(fake.messagesTo(QINGSHAN)).toHaveLength(1);
  });

  it("retries a lost answer with the same uuid: the message is not posted twice", async () => {
    fake.fail({ method: "POST", path: CREATE, kind: "timeout", afterEffect: true, times: 1 });
    fake.fail({ method: "POST", path: CREATE, kind: "status", status: 500, times: 1 });
    await send("k-timeout");
    const calls = fake.callsTo(CREATE, "POST");
    expect(calls.length).toBe(3);
    expect(new Set(calls.map((c) => c.body?.uuid)).size).toBe(1);
    expect(fake.messagesTo(QINGSHAN)).toHaveLength(1);
    const row = await app.test.database.prisma.sentMessage.findFirst({
      where: { idempotencyKey: "k-timeout" },
    });
    expect(row?.platformMessageId).toBe(fake.messagesTo(QINGSHAN)[0]?.messageId);
  });

  it("fetches a new token when Feishu calls the old one invalid", async () => {
    await send("k-before");
    fake.expireTokens();
    await send("k-after");
    expect(fake.messagesTo(QINGSHAN)).toHaveLength(2);
    expect(fake.callsTo("tenant_access_token").length).toBe(2);
  });

  it("keeps to 5 sends per second in one chat under a burst, other chats in parallel", async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `burst-${i}`);
    await Promise.all([
      ...keys.map((key) =>
        app.test.app.messenger.send({ chatId: "qingshan-work", text: key, idempotencyKey: key }),
      ),
      app.test.app.messenger.send({ chatId: "baishui-work", text: "other", idempotencyKey: "other-chat" }),
    ]);
    await app.settle();
    const times = fake
      .callsTo(CREATE, "POST")
      .filter((c) => c.body?.receive_id === QINGSHAN)
      .map((c) => c.at)
      .sort((a, b) => a - b);
    expect(times).toHaveLength(12);
    // Slots are taken a window apart per five sends (a little over Feishu's second); arrivals here
    // may drift by a busy event loop, so allow part of a second, never a sixth send in ~0.9 s; the
    // eleventh send cannot land before two whole seconds have passed.
    for (let i = 5; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 5] ?? 0)).toBeGreaterThanOrEqual(900);
    expect((times[10] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(2000);
    const other = fake.callsTo(CREATE, "POST").find((c) => c.body?.receive_id === chatIdOf("baishui-work"));
    expect((other?.at ?? Infinity) - (times[0] ?? 0)).toBeLessThan(900);
  });

  it("sends 加急 in-app, SMS when asked, and reports refusals to duty without blocking the message", async () => {
    await send("k-urgent", {
      urgentTo: ["zhangsan", "qian-zhenzhang"],
      urgentChannels: ["sms"],
      mentions: ["zhangsan"],
    });
    const [message] = fake.messagesTo(QINGSHAN);
    expect(message?.urgent).toEqual([
      { kind: "app", userIds: [openIdOf("zhangsan"), openIdOf("qian-zhenzhang")] },
      { kind: "sms", userIds: [openIdOf("zhangsan"), openIdOf("qian-zhenzhang")] },
    ]);

    fake.fail({ path: /urgent_app$/, kind: "code", code: 230001, msg: "quota exceeded", times: 1 });
    await send("k-urgent-fails", { urgentTo: ["zhangsan"] });
    expect(fake.messagesTo(QINGSHAN)).toHaveLength(2);
    const duty = fake.messagesTo(chatIdOf("duty")).map((m) => String(m.content.text));
    expect(duty.join("\n")).toMatch(/加急失败.*青山镇工作群.*张三/);
  });

  it("sends 加急 under the app's limit: each urgent call waits for the app's next slot", async () => {
    const oneASecond = await feishu.start({ settings: { appPerSecond: 1 } });
    await oneASecond.test.app.messenger.send({
      chatId: "qingshan-work",
      text: "消息",
      idempotencyKey: "k-urgent-slots",
      urgentTo: ["zhangsan"],
      urgentChannels: ["sms"],
    });
    await oneASecond.settle();
    const at = [CREATE, /urgent_app$/, /urgent_sms$/].map((path) => fake.callsTo(path)[0]?.at ?? 0);
    expect(at.every((t) => t > 0)).toBe(true);
    for (let i = 1; i < at.length; i++)
      expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual(950);
  });

  it("patches a sent card in place for an updateOf message", async () => {
    await app.test.app.messenger.send({
      chatId: "qingshan-work",
      card: {
        title: "【较大】道路交通事故",
        tone: "orange",
        fields: [{ label: "编号", value: "2026-0001" }],
        buttons: [{ label: "已阅", action: "inc:ack:1" }],
      },
      idempotencyKey: "alert-1",
    });
    await app.settle();
    await app.test.app.messenger.send({
      chatId: "qingshan-work",
      card: {
        title: "【较大】道路交通事故",
        tone: "orange",
        fields: [
          { label: "编号", value: "2026-0001" },
          { label: "已阅", value: "李书记 14:30" },
        ],
        buttons: [],
      },
      idempotencyKey: "alert-1-acked",
      updateOf: "alert-1",
    });
    await app.settle();
    const [card] = fake.messagesTo(QINGSHAN);
    expect(fake.messagesTo(QINGSHAN)).toHaveLength(1);
    expect(card?.patches).toHaveLength(1);
    if (!card) throw new Error("no card");
    expect(buttonsOf(card)).toEqual([]);
    expect(viewText(card, (id) => id)).toContain("李书记 14:30");
  });
});
