/**
 * WeCom's outbound side against the fake server: the client refreshes an expired token, retries
 * 5xx, busy answers and timeouts, hands a 45009 block back to the send queue with WeCom's minute,
 * and gives up on a refusal; the sink posts text to people and app groups once per key, sends the
 * people of an urgent group message their own copy and repeats it to those still silent, after a
 * restart too.
 */
import { describe, expect, it } from "vitest";
import { WecomApi } from "../../../../../src/bot/adapters/wecom/client/wecom-api.ts";
import { WecomApiError } from "../../../../../src/bot/adapters/wecom/client/wecom-errors.ts";
import { silentLog } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";
import { textXml } from "../../../../support/fake-wecom/wecom-payloads.ts";
import {
  chatIdOf,
  startWecomTestApp,
  testSettings,
  useFakeWecom,
  userIdOf,
} from "../../../../support/fake-wecom/wecom-test-app.ts";
import { viewText } from "../../../../support/fake-wecom/wecom-view.ts";
import { deletePrefixedKeys, uniquePrefix } from "../../../../support/redis.ts";

const hello = { msgtype: "text" as const, text: { content: "你好" } };

describe("WeCom client", () => {
  const wecom = useFakeWecom();
  const api = () => new WecomApi(testSettings(wecom.fake, { requestTimeoutMs: 300 }), silentLog);

  it("fetches a new token when WeCom calls the old one expired, and sends once", async () => {
    const client = api();
    await client.sendToPeople(["zhangsan"], hello);
    wecom.fake.expireTokens();
    await client.sendToPeople(["zhangsan"], { msgtype: "text", text: { content: "再见" } });
    expect(wecom.fake.callsTo("/cgi-bin/gettoken")).toHaveLength(2);
    expect(wecom.fake.messagesTo("zhangsan").map((m) => viewText(m))).toEqual(["你好", "再见"]);
  });

  it("retries 5xx, busy answers and timeouts, then succeeds", async () => {
    const client = api();
    wecom.fake.fail({ path: /message\/send/, times: 1, kind: "status", status: 502 });
    wecom.fake.fail({ path: /message\/send/, times: 1, kind: "code", code: -1 });
    wecom.fake.fail({ path: /message\/send/, times: 1, kind: "timeout" });
    await client.sendToPeople(["zhangsan"], hello);
    expect(wecom.fake.callsTo("/cgi-bin/message/send")).toHaveLength(4);
    expect(wecom.fake.messagesTo("zhangsan")).toHaveLength(1);
  });

  it("hands a frequency block (45009) back with WeCom's minute, and gives up on a refusal", async () => {
    const client = api();
    wecom.fake.fail({ path: /appchat\/send/, times: 1, kind: "code", code: 45009 });
    const blocked = await client.sendToGroup("leaders", hello).catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(WecomApiError);
    expect((blocked as WecomApiError).failure).toMatchObject({ kind: "retry", waitMs: 60_000 });
    expect(wecom.fake.callsTo("/cgi-bin/appchat/send")).toHaveLength(1);
    wecom.fake.fail({ path: /message\/send/, times: 1, kind: "code", code: 81013 });
    const refused = await client.sendToPeople(["zhangsan"], hello).catch((error: unknown) => error);
    expect((refused as WecomApiError).failure).toMatchObject({ kind: "fatal", code: 81013 });
  });

  it("finds a userid by mobile, and nobody for an unknown number", async () => {
    wecom.fake.options.phones = { "13800000041": "zhangsan" };
    const client = api();
    expect(await client.userIdByMobile("13800000041")).toBe("zhangsan");
    expect(await client.userIdByMobile("13900000000")).toBeUndefined();
  });
});

describe("WeCom sink", () => {
  const wecom = useFakeWecom();

  it("posts to a person and to an app group once per idempotency key", async () => {
    const app = await wecom.start();
    const { messenger } = app.test.app;
    for (let i = 0; i < 2; i++) {
      await messenger.send({ chatId: "dm:zhangsan", text: "单聊消息", idempotencyKey: "wecom-sink-dm" });
      await messenger.send({
        chatId: "leaders",
        text: "群消息",
        mentions: ["li-shuji"],
        idempotencyKey: "wecom-sink-group",
      });
    }
    await app.settle();
    expect(wecom.fake.messagesTo(userIdOf("zhangsan")).map((m) => viewText(m))).toEqual(["单聊消息"]);
    const group = wecom.fake.messagesTo(chatIdOf("leaders"));
    expect(group.map((m) => [m.kind, viewText(m)])).toEqual([["group", "群消息\n@李书记"]]);
  });

  it("sends a person a card with buttons as a template card, and one without as markdown", async () => {
    const app = await wecom.start();
    const card = { title: "今日值班", fields: [{ label: "带班领导", value: "李书记" }], buttons: [] };
    await app.test.app.messenger.send({ chatId: "dm:zhangsan", card, idempotencyKey: "wecom-card-plain" });
    await app.test.app.messenger.send({
      chatId: "dm:zhangsan",
      card: { ...card, buttons: [{ label: "收到", action: "duty:ack" }] },
      idempotencyKey: "wecom-card-buttons",
    });
    await app.settle();
    const sent = wecom.fake.messagesTo(userIdOf("zhangsan"));
    expect(sent.map((m) => m.msgtype)).toEqual(["markdown", "template_card"]);
    expect(sent[0] && viewText(sent[0])).toBe("**今日值班**\n> 带班领导：李书记");
  });

  it("sends an urgent group message to its people too, and repeats it to those who have not answered", async () => {
    const app = await wecom.start({ urgent: { repeatEveryMs: 2000, repeatLimit: 2 } });
    await app.test.app.messenger.send({
      chatId: "qingshan-work",
      text: "请立即核实李家村情况",
      urgentTo: ["zhangsan", "qian-zhenzhang"],
      idempotencyKey: "wecom-urgent-1",
    });
    await app.settle();
    await wecom.fake.waitForMessages(2);
    const [group, copy] = wecom.fake.messages;
    expect(group && viewText(group)).toBe("【加急】请立即核实李家村情况\n@张三 @钱镇长");
    expect(copy?.to).toEqual([userIdOf("zhangsan"), userIdOf("qian-zhenzhang")]);
    expect(copy && viewText(copy)).toBe("【加急】「青山镇工作群」请立即核实李家村情况");
    // 张三 answers in his chat with the app: the repetitions name only 钱镇长.
    await app.post(textXml({ userId: userIdOf("zhangsan"), text: "收到" }));
    await app.settle();
    const sentBefore = wecom.fake.messages.length;
    await wecom.fake.waitForMessages(sentBefore + 4);
    const repeats = wecom.fake.messages.slice(sentBefore).filter((m) => viewText(m).includes("次提醒"));
    expect(repeats.length).toBeGreaterThanOrEqual(2);
    for (const repeat of repeats) {
      expect(viewText(repeat)).not.toContain("张三");
      expect(repeat.to).not.toContain(userIdOf("zhangsan"));
    }
    expect(repeats.some((m) => m.kind === "group" && viewText(m).includes("@钱镇长"))).toBe(true);
  });

  it("goes on repeating an urgent message after a restart, to those still silent", async () => {
    const database = await openTestDatabase();
    const keyPrefix = uniquePrefix("wecom-restart");
    const urgent = { repeatEveryMs: 3000, repeatLimit: 1 };
    try {
      const first = await startWecomTestApp(wecom.fake, { database, keyPrefix, urgent });
      await first.test.app.messenger.send({
        chatId: "qingshan-work",
        text: "请立即核实",
        urgentTo: ["qian-zhenzhang"],
        idempotencyKey: "wecom-urgent-restart",
      });
      await first.settle();
      await first.close();
      const sent = wecom.fake.messages.length;
      const second = await startWecomTestApp(wecom.fake, { database, keyPrefix, urgent });
      try {
        await wecom.fake.waitForMessages(sent + 2);
        // The new process does not know the message's first line: it asks to look at the one above.
        const repeats = wecom.fake.messages.slice(sent).map((m) => [m.kind, viewText(m)]);
        expect(repeats).toEqual([
          [
            "group",
            expect.stringMatching(/^【加急】请查看上面的加急消息并回复\n（第 1\/1 次提醒.*\n@钱镇长$/),
          ],
          ["people", expect.stringMatching(/^「青山镇工作群」【加急】请查看上面的加急消息并回复/)],
        ]);
      } finally {
        await second.close();
      }
    } finally {
      await database.close();
      await deletePrefixedKeys(keyPrefix);
    }
  });
});
