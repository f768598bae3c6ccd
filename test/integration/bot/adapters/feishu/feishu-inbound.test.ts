/**
 * The Feishu adapter in the real app against the fake Feishu server: webhook security, messages
 * with mentions both ways, dedupe of a resent event, card actions (genuine, forged), the bot added
 * to a group and binding an unknown group.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { FakeFeishuServer } from "../../../../support/fake-feishu/fake-feishu-server.ts";
import {
  botAddedEvent,
  cardActionEvent,
  messageEvent,
  signedRequest,
} from "../../../../support/fake-feishu/feishu-payloads.ts";
import {
  chatIdOf,
  ENCRYPT_KEY,
  FAKE_BOT_OPEN_ID,
  type FeishuTestApp,
  openIdOf,
  useFakeFeishu,
  VERIFICATION_TOKEN,
} from "../../../../support/fake-feishu/feishu-test-app.ts";
import { buttonsOf, viewText } from "../../../../support/fake-feishu/feishu-view.ts";

const BOT = { openId: FAKE_BOT_OPEN_ID, name: "快报助手" };
const QINGSHAN = chatIdOf("qingshan-work");

describe("feishu inbound", () => {
  const feishu = useFakeFeishu();
  let fake: FakeFeishuServer;
  let app: FeishuTestApp;

  beforeEach(async () => {
    fake = feishu.fake;
    app = await feishu.start();
  });

  /** `@快报助手 绑定 青山镇工作群` from `person` in the Feishu chat `chatId`. */
  const bindCommand = (chatId: string, person: string) =>
    messageEvent({
      chatId,
      senderOpenId: openIdOf(person),
      text: "@{0} 绑定 青山镇工作群",
      mentions: [BOT],
      token: VERIFICATION_TOKEN,
    });

  const nameOf = (openId: string) =>
    app.test.app.services.directory.people().find((p) => openIdOf(p.id) === openId)?.name ?? openId;

  it("answers an @-message in a group, with a uuid on the send", async () => {
    const response = await app.post(
      messageEvent({
        chatId: QINGSHAN,
        senderOpenId: openIdOf("zhangsan"),
        text: "@{0} 上报",
        mentions: [BOT],
        token: VERIFICATION_TOKEN,
      }),
    );
    expect(response.status).toBe(200);
    await app.settle();
    const sent = fake.messagesTo(QINGSHAN);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.map((m) => viewText(m, nameOf)).join("\n")).toContain("事件类型");
    for (const call of fake.callsTo("/open-apis/im/v1/messages", "POST"))
      expect(String(call.body?.uuid)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("handles a resent event once", async () => {
    const event = messageEvent({
      chatId: QINGSHAN,
      senderOpenId: openIdOf("zhangsan"),
      text: "@{0} 帮助",
      mentions: [BOT],
      token: VERIFICATION_TOKEN,
    });
    await app.post(event);
    await app.post(event);
    await app.settle();
    // A resend with a new event id but the same message id is the same message too.
    await app.post({ ...event, header: { ...event.header, event_id: "ev_other" } });
    await app.settle();
    expect(fake.messagesTo(QINGSHAN)).toHaveLength(1);
  });

  it("maps mentions both ways: @_user_N in, <at user_id> out", async () => {
    await app.post(
      messageEvent({
        chatId: chatIdOf("leaders"),
        senderOpenId: openIdOf("li-shuji"),
        text: "@{0} 我是谁",
        mentions: [BOT],
        token: VERIFICATION_TOKEN,
      }),
    );
    await app.settle();
    const replies = fake.messagesTo(chatIdOf("leaders")).map((m) => viewText(m, nameOf));
    expect(replies.join("\n")).toContain("李书记");

    await app.test.app.messenger.send({
      chatId: "qingshan-work",
      text: "请确认",
      mentions: ["zhangsan", "qian-zhenzhang"],
      idempotencyKey: "mention-test",
    });
    await app.settle();
    const text = String(fake.messagesTo(QINGSHAN).at(-1)?.content.text);
    expect(text).toBe(
      `<at user_id="${openIdOf("zhangsan")}">张三</at> <at user_id="${openIdOf("qian-zhenzhang")}">钱镇长</at> 请确认`,
    );
  });

  it("refuses unsigned, wrongly signed, stale and unencrypted requests; answers the challenge", async () => {
    const url = `${app.test.baseUrl}/feishu/events`;
    const event = messageEvent({
      chatId: QINGSHAN,
      senderOpenId: openIdOf("zhangsan"),
      text: "帮助",
      token: VERIFICATION_TOKEN,
    });
    const send = (body: string, headers: Record<string, string>) =>
      fetch(url, { method: "POST", body, headers }).then((r) => r.status);

    const unsigned = signedRequest(ENCRYPT_KEY, event, { sign: false });
    expect(await send(unsigned.body, unsigned.headers)).toBe(401);
    const wrongKey = signedRequest("another-key", event);
    expect(await send(wrongKey.body, wrongKey.headers)).toBe(400); // cannot even be decrypted
    const tampered = signedRequest(ENCRYPT_KEY, event);
    expect(await send(tampered.body, { ...tampered.headers, "x-lark-signature": "0".repeat(64) })).toBe(401);
    const stale = signedRequest(ENCRYPT_KEY, event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(await send(stale.body, stale.headers)).toBe(401);
    expect(await send(JSON.stringify(event), { "content-type": "application/json" })).toBe(400);
    const wrongToken = signedRequest(ENCRYPT_KEY, { ...event, header: { ...event.header, token: "nope" } });
    expect(await send(wrongToken.body, wrongToken.headers)).toBe(401);
    await app.settle();
    expect(fake.messages).toHaveLength(0);

    const challenge = signedRequest(ENCRYPT_KEY, {
      type: "url_verification",
      challenge: "abc123",
      token: VERIFICATION_TOKEN,
    });
    const response = await fetch(url, { method: "POST", body: challenge.body, headers: challenge.headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: "abc123" });
  });

  it("turns a genuine button press into an action, and refuses a forged one with a toast", async () => {
    await app.test.app.messenger.send({
      chatId: "qingshan-work",
      card: { title: "测试", fields: [], buttons: [{ label: "我是谁", action: "whoami:x" }] },
      idempotencyKey: "card-test",
    });
    await app.settle();
    const card = fake.messagesTo(QINGSHAN).at(-1);
    if (!card) throw new Error("no card sent");
    const [button] = buttonsOf(card);
    const forged = { ...(button?.value as object), a: "inc:ack:1" };
    const refused = await app.post(
      cardActionEvent({
        operatorOpenId: openIdOf("zhangsan"),
        value: forged,
        messageId: card.messageId,
        chatId: QINGSHAN,
        token: VERIFICATION_TOKEN,
      }),
    );
    expect(refused.body).toMatchObject({ toast: { type: "error" } });
    const outsider = await app.post(
      cardActionEvent({
        operatorOpenId: openIdOf("li-shuji"),
        value: button?.value,
        messageId: card.messageId,
        chatId: QINGSHAN,
        token: VERIFICATION_TOKEN,
      }),
    );
    expect(outsider.body).toMatchObject({
      toast: { type: "error", content: expect.stringContaining("不在") },
    });
    const accepted = await app.post(
      cardActionEvent({
        operatorOpenId: openIdOf("zhangsan"),
        value: button?.value,
        messageId: card.messageId,
        chatId: QINGSHAN,
        token: VERIFICATION_TOKEN,
      }),
    );
    expect(accepted.body).toMatchObject({ toast: { type: "success" } });
    await app.settle();
    expect(fake.messages.length).toBe(2);
  });

  it("greets when added to an unknown group and lets an admin bind it", async () => {
    const unknown = "oc_new_group";
    await app.post(
      botAddedEvent({
        chatId: unknown,
        operatorOpenId: openIdOf("zhao-mishuzhang"),
        token: VERIFICATION_TOKEN,
      }),
    );
    await app.settle();
    expect(String(fake.messagesTo(unknown)[0]?.content.text)).toContain("绑定");

    await app.post(bindCommand(unknown, "zhangsan"));
    await app.settle();
    expect(String(fake.messagesTo(unknown).at(-1)?.content.text)).toContain("只有管理员");

    await app.post(bindCommand(unknown, "zhao-mishuzhang"));
    await app.settle();
    // The sample org gives 青山镇工作群 a chat id already: the binding is refused.
    expect(String(fake.messagesTo(unknown).at(-1)?.content.text)).toContain("已经绑定");
  });

  it("keeps the adapter's own notices under the chat's limit", async () => {
    const oneASecond = await feishu.start({ settings: { perChatPerSecond: 1 } });
    const unknown = "oc_limited_group";
    const operatorOpenId = openIdOf("zhao-mishuzhang");
    await oneASecond.post(botAddedEvent({ chatId: unknown, operatorOpenId, token: VERIFICATION_TOKEN }));
    await oneASecond.post(bindCommand(unknown, "zhangsan"));
    await oneASecond.settle();
    // The greeting and the refusal, in whichever order they were handled: a second apart.
    const notices = fake.messagesTo(unknown);
    expect(notices.map((m) => String(m.content.text)).join("\n")).toContain("只有管理员");
    expect(notices).toHaveLength(2);
    expect(Math.abs((notices[1]?.at ?? 0) - (notices[0]?.at ?? 0))).toBeGreaterThanOrEqual(950);
  });

  it("acknowledges malformed and unknown events without crashing, and refuses an oversize message politely", async () => {
    const malformed = {
      schema: "2.0",
      header: { event_id: "ev_bad", event_type: "im.message.receive_v1", token: VERIFICATION_TOKEN },
      event: { message: { chat_id: 42 } },
    };
    expect((await app.post(malformed)).status).toBe(200);
    const unknown = {
      schema: "2.0",
      header: { event_id: "ev_unknown", event_type: "im.chat.disbanded_v1", token: VERIFICATION_TOKEN },
      event: { chat_id: QINGSHAN },
    };
    expect((await app.post(unknown)).status).toBe(200);
    // Pictures, files and places are read now (feishu-media.test.ts); a voice message is not.
    const voice = messageEvent({
      chatId: QINGSHAN,
      senderOpenId: openIdOf("zhangsan"),
      text: "",
      mentions: [BOT],
      token: VERIFICATION_TOKEN,
      messageType: "audio",
      content: JSON.stringify({ file_key: "file_v3_voice", duration: 2000 }),
    });
    expect((await app.post(voice)).status).toBe(200);
    await app.settle();
    expect(String(fake.messagesTo(QINGSHAN).at(-1)?.content.text)).toContain("请用文字发送");

    const long = `@{0} 上报 ${"很长的描述".repeat(500)}`;
    await app.post(
      messageEvent({
        chatId: QINGSHAN,
        senderOpenId: openIdOf("zhangsan"),
        text: long,
        mentions: [BOT],
        token: VERIFICATION_TOKEN,
      }),
    );
    await app.settle();
    expect(String(fake.messagesTo(QINGSHAN).at(-1)?.content.text)).toContain("消息太长");
    // Still working afterwards.
    await app.post(
      messageEvent({
        chatId: QINGSHAN,
        senderOpenId: openIdOf("zhangsan"),
        text: "@{0} 帮助",
        mentions: [BOT],
        token: VERIFICATION_TOKEN,
      }),
    );
    await app.settle();
    expect(fake.messagesTo(QINGSHAN)).toHaveLength(3);
  });
});
